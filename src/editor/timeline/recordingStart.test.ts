import { describe, expect, it } from 'vitest';
import { recordedFromNote, unrecordedMessage } from './recordingStart';

describe('where the timeline\'s recording began', () => {
  it('says recording starts when the timeline is open, not that no events came, when it began after the run read events', () => {
    expect(unrecordedMessage({ recordedFrom: 30_000, totalEvents: 0 })).toBe(
      'Recording starts when the timeline is open: this node\'s began at event 30,000 of the run, and no event has reached it since. Run again to see this node\'s events.',
    );
  });

  it('says nothing of its own when the recording began with the run or holds events', () => {
    expect(unrecordedMessage({ recordedFrom: 0, totalEvents: 0 })).toBeNull();
    expect(unrecordedMessage({ recordedFrom: 500, totalEvents: 12 })).toBeNull();
  });

  it('notes a recording that began mid-run', () => {
    expect(recordedFromNote({ recordedFrom: 2_095 })).toBe(', recorded from event 2,095 of the run (when the timeline was opened)');
    expect(recordedFromNote({ recordedFrom: 0 })).toBe('');
  });
});
