import { describe, expect, it } from 'vitest';
import { eventTimeRange } from '../../../model';
import { parseFileSource } from '.';

/** Issue 12, item 3: an absurd event time is a bad row with its line, not an event that hangs a window. */
describe('file sources refuse event times outside the accepted years', () => {
  const good = 1_700_000_000_000;

  it('makes 1e20, 1e308 and -1e308 bad rows with their lines, in CSV, NDJSON and JSON', () => {
    const csv = `ts,k\n${good},a\n1e20,a\n1e308,a\n-1e308,a\n${good + 1},a\n`;
    const ndjson = `{"ts":${good},"k":"a"}\n{"ts":1e20,"k":"a"}\n{"ts":1e308,"k":"a"}\n{"ts":-1e308,"k":"a"}\n{"ts":${good + 1},"k":"a"}\n`;
    const json = `[{"ts":${good},"k":"a"},\n{"ts":1e20,"k":"a"},\n{"ts":1e308,"k":"a"},\n{"ts":-1e308,"k":"a"},\n{"ts":${good + 1},"k":"a"}]`;
    for (const [format, text, first] of [['csv', csv, 3], ['ndjson', ndjson, 2], ['json', json, 2]] as const) {
      const result = parseFileSource(text, { format, eventTime: 'ts', timeFormat: 'epochMillis' });
      if (!result.ok) throw new Error(result.message);
      expect(Array.from(result.block.time), format).toEqual([good, good + 1]);
      expect(result.badRowCount, format).toBe(3);
      expect(result.rowErrors.map((e) => e.line), format).toEqual([first, first + 1, first + 2]);
      expect(result.rowErrors[0]!.message, format).toMatch(
        /^event time "ts": "?(1e20|100000000000000000000)"? is outside the accepted years 1900 to 2300 \(params earliestYear and latestYear\)$/,
      );
    }
  });

  it('accepts the first and last millisecond of the range and refuses one beyond either', () => {
    const range = eventTimeRange(1900, 2300);
    const text = `t\n${range.min - 1}\n${range.min}\n${range.end - 1}\n${range.end}\n`;
    const result = parseFileSource(text, { format: 'csv', eventTime: 't', timeFormat: 'epochMillis', timeRange: range });
    if (!result.ok) throw new Error(result.message);
    expect(Array.from(result.block.time)).toEqual([range.min, range.end - 1]);
    expect(result.rowErrors.map((e) => e.line)).toEqual([2, 5]);
  });

  it('follows a configured range, ISO dates included', () => {
    const text = 't\n0950-06-01T00:00:00Z\n1850-01-01\n2024-01-01\n2400-01-01\n';
    const narrow = parseFileSource(text, { format: 'csv', eventTime: 't', timeFormat: 'iso' });
    if (!narrow.ok) throw new Error(narrow.message);
    expect(narrow.rowErrors.map((e) => e.line)).toEqual([2, 3, 5]);
    expect(narrow.block.length).toBe(1);
    const wide = parseFileSource(text, { format: 'csv', eventTime: 't', timeFormat: 'iso', timeRange: eventTimeRange(900, 2400) });
    if (!wide.ok) throw new Error(wide.message);
    expect(wide.badRowCount).toBe(0);
    expect(wide.block.length).toBe(4);
  });

  it('fails with the first bad row named when no row is in range', () => {
    const result = parseFileSource('t\n1e20\n', { format: 'csv', eventTime: 't', timeFormat: 'epochMillis' });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^No row has a readable event time in "t" \(line 2: event time "t": "1e20" is outside/) });
  });
});
