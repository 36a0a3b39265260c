import { describe, expect, it } from 'vitest';
import { recordedFromNote, unrecordedMessage } from './recordingStart';
import { recordedWindow } from './useTimelineRecording';

describe('where the timeline\'s recording began', () => {
  it('says where its recording began, not that no events came, when it began after the run read events', () => {
    expect(unrecordedMessage({ recordedFrom: 30_000, totalEvents: 0 })).toBe(
      'This node\'s recording began at event 30,000 of the run, when the timeline came to it (it records one window node, and at Max speed only while it is open), and no event has reached it since. Run again to see this node\'s events.',
    );
  });

  it('says nothing of its own when the recording began with the run or holds events', () => {
    expect(unrecordedMessage({ recordedFrom: 0, totalEvents: 0 })).toBeNull();
    expect(unrecordedMessage({ recordedFrom: 500, totalEvents: 12 })).toBeNull();
  });

  it('notes a recording that began mid-run', () => {
    expect(recordedFromNote({ recordedFrom: 2_095, totalEvents: 40 })).toBe(', recorded from event 2,095 of the run (when the timeline came to this node)');
    expect(recordedFromNote({ recordedFrom: 0, totalEvents: 40 })).toBe('');
    expect(recordedFromNote({ recordedFrom: 2_095, totalEvents: 0 })).toBe('');
  });
});

describe('the window node the worker records', () => {
  it('records the node the tab would show at a paced speed, shown or not, and at Max only while shown', () => {
    expect(recordedWindow('w', false, 1)).toBe('w');
    expect(recordedWindow('w', true, 'max')).toBe('w');
    expect(recordedWindow('w', false, 'max')).toBeNull();
    expect(recordedWindow(null, true, 1)).toBeNull();
  });
});
