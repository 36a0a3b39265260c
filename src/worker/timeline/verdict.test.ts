import { describe, expect, it } from 'vitest';
import { formatDuration, verdict, type VerdictFacts } from './verdict';

const at = (hms: string): number => Date.parse(`2026-01-01T${hms}Z`);
const base: VerdictFacts = {
  fate: 'onTime', kind: 'tumbling', timeDomain: 'event', time: at('12:00:03'), watermark: at('12:00:01.500'), latenessMs: 2000,
  windows: [{ start: at('12:00:00'), end: at('12:00:05') }],
};

describe('verdict sentences', () => {
  it('write durations as people do', () => {
    expect([0, 2000, 500, 1500, 60_000, 90_000, 3_600_000, 86_400_000, 0.5].map(formatDuration))
      .toEqual(['0 s', '2 s', '500 ms', '1.5 s', '1 min', '90 s', '1 h', '1 d', '0.5 ms']);
  });

  it('say why an event was late, with the window and its allowed lateness', () => {
    expect(verdict({ ...base, fate: 'late', watermark: at('12:00:07.999') }))
      .toBe('late: the watermark 12:00:07.999 had passed the window [12:00:00, 12:00:05) plus its 2 s of allowed lateness; sent to the late port');
    expect(verdict({ ...base, fate: 'late', latenessMs: 0, watermark: at('12:00:05') }))
      .toBe('late: the watermark 12:00:05.000 had passed the window [12:00:00, 12:00:05) with no allowed lateness; sent to the late port');
  });

  it('name the newest window of a hopping or cumulate window for a late event', () => {
    const windows = [{ start: at('11:59:58'), end: at('12:00:03') }, { start: at('12:00:00'), end: at('12:00:05') }];
    expect(verdict({ ...base, kind: 'hopping', fate: 'late', windows, watermark: at('12:00:07') }))
      .toBe('late: the watermark 12:00:07.000 had passed the window [12:00:00, 12:00:05) plus its 2 s of allowed lateness; sent to the late port');
    expect(verdict({ ...base, kind: 'cumulate', fate: 'late', windows, watermark: at('12:00:07') })).toContain('the window [12:00:00, 12:00:05) plus its 2 s');
  });

  it('say an on-time event reached its windows before they fired', () => {
    expect(verdict(base)).toBe('on time: the watermark 12:00:01.500 had not reached the end of the window [12:00:00, 12:00:05), which had not fired yet');
    const windows = [{ start: at('11:59:58'), end: at('12:00:03') }, { start: at('12:00:00'), end: at('12:00:05.250') }];
    expect(verdict({ ...base, kind: 'hopping', windows })).toContain('the windows [11:59:58, 12:00:03) and [12:00:00, 12:00:05.250)');
  });

  it('say a revision came within the allowed lateness and fired its window again', () => {
    expect(verdict({ ...base, fate: 'revision', watermark: at('12:00:06') }))
      .toBe('revision: the watermark 12:00:06.000 had passed the end of the window [12:00:00, 12:00:05) but not its 2 s of allowed lateness; the window fired again with this event');
    expect(verdict({ ...base, kind: 'session', fate: 'revision', watermark: at('12:00:06') }))
      .toBe('revision: the watermark 12:00:06.000 had passed the end of the session [12:00:00, 12:00:05) but not its 2 s of allowed lateness; the session fired again with this event');
  });

  it('name the session a late event would have opened', () => {
    expect(verdict({ ...base, kind: 'session', fate: 'late', latenessMs: 1000, windows: [{ start: at('12:00:00'), end: at('12:00:10') }], watermark: at('12:00:30') }))
      .toBe('late: the watermark 12:00:30.000 had passed the session it would open, [12:00:00, 12:00:10), plus its 1 s of allowed lateness; sent to the late port');
    expect(verdict({ ...base, kind: 'session', windows: [{ start: at('12:00:00'), end: at('12:00:10') }] })).toContain('the end of the session [12:00:00, 12:00:10)');
  });

  it('say a count window takes every event', () => {
    expect(verdict({ ...base, kind: 'count', countPlace: { nth: 2, size: 3 } }))
      .toBe('counted: the 2nd of the 3 events of the window [12:00:00, 12:00:05); a count window takes every event in arrival order and fires at its 3rd; no event is late');
    expect(verdict({ ...base, kind: 'count', countPlace: { nth: 11, size: 12 } })).toContain('the 11th of the 12 events');
  });

  it('say a processing-time window uses arrival time', () => {
    expect(verdict({ ...base, timeDomain: 'processing' }))
      .toBe('on time: a processing-time window takes every event at its arrival, 12:00:03.000, into the window [12:00:00, 12:00:05); nothing is late in processing time');
  });

  it('write a watermark before the first one as a dash', () => {
    expect(verdict({ ...base, watermark: -Infinity })).toContain('the watermark — had not reached');
  });
});
