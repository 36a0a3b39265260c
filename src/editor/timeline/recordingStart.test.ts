import { describe, expect, it } from 'vitest';
import { recordedFromNote, unrecordedMessage } from './recordingStart';

describe('where the timeline\'s recording began', () => {
  it('says where its recording began, not that no events came, when it began after the run read events', () => {
    expect(unrecordedMessage({ recordedFrom: 30_000, totalEvents: 0 })).toBe(
      'This node\'s recording began at event 30,000 of the run, when the timeline came to it (it records one window node at a time), and no event has reached it since. Run again to see this node\'s events.',
    );
  });

  it('says nothing of its own when the recording began with the run or holds events', () => {
    expect(unrecordedMessage({ recordedFrom: 0, totalEvents: 0 })).toBeNull();
    expect(unrecordedMessage({ recordedFrom: 500, totalEvents: 12 })).toBeNull();
  });

  it('notes a recording that began mid-run', () => {
    expect(recordedFromNote({ recordedFrom: 2_095, recordedTo: null, totalEvents: 40 })).toBe(', recorded from event 2,095 of the run (when the timeline came to this node)');
    expect(recordedFromNote({ recordedFrom: 0, recordedTo: null, totalEvents: 40 })).toBe('');
    expect(recordedFromNote({ recordedFrom: 2_095, recordedTo: null, totalEvents: 0 })).toBe('');
  });

  it('notes a recording that stopped before the run ended', () => {
    expect(recordedFromNote({ recordedFrom: 0, recordedTo: 120_000, totalEvents: 100_000 })).toBe(
      ', recorded up to event 120,000 of the run only (at Max speed a hidden timeline stops recording, as recording slows the run: open it before you run to see every event)',
    );
  });
});
