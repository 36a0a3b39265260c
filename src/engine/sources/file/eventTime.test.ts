import { describe, expect, it } from 'vitest';
import { chooseTimeFormat, readEventTime } from './eventTime';
import { parseFileSource } from './index';
import { parseIsoTime } from './iso';

describe('event time', () => {
  it('parses ISO-8601 with and without a zone, as UTC when there is none', () => {
    expect(parseIsoTime('2014-07-01 00:00:00')).toBe(1_404_172_800_000);
    expect(parseIsoTime('2014-07-01T00:00:00Z')).toBe(1_404_172_800_000);
    expect(parseIsoTime('2014-07-01')).toBe(1_404_172_800_000);
    expect(parseIsoTime('2014-07-01T02:30:00+02:30')).toBe(1_404_172_800_000);
    expect(parseIsoTime('2014-06-30T19:00-0500')).toBe(1_404_172_800_000);
    expect(parseIsoTime('2024-02-29T12:00:00.250Z')).toBe(Date.UTC(2024, 1, 29, 12) + 250);
    expect(parseIsoTime('1969-12-31T23:59:59Z')).toBe(-1000);
    expect(parseIsoTime('0099-01-01T00:00:00Z')).toBe(new Date('0099-01-01T00:00:00Z').getTime());
  });

  it('rejects impossible or malformed dates', () => {
    for (const bad of ['2023-02-29', '2014-13-01', '2014-07-01 24:00:00', '07/01/2014', '2014-07-01T00:00:00 UTC', '']) {
      expect(parseIsoTime(bad)).toBeNaN();
    }
  });

  it('reads epoch milliseconds and seconds', () => {
    expect(readEventTime('1404172800000', 'epochMillis')).toBe(1_404_172_800_000);
    expect(readEventTime(1_404_172_800, 'epochSeconds')).toBe(1_404_172_800_000);
    expect(readEventTime('1.234', 'epochSeconds')).toBe(1234);
    expect(readEventTime('2014-07-01', 'epochSeconds')).toBeNaN();
    expect(readEventTime(5, 'iso')).toBeNaN();
  });

  it('chooses a format per file in auto mode', () => {
    expect(chooseTimeFormat(['1404172800000', '1404172800001'])).toBe('epochMillis');
    expect(chooseTimeFormat([1_404_172_800, 1_404_172_801, 'junk'])).toBe('epochSeconds');
    expect(chooseTimeFormat(['2014-07-01 00:00:00', '12'])).toBe('iso');
    expect(chooseTimeFormat(['', null])).toBe('iso');
  });

  it('applies the chosen format to every row', () => {
    const parse = (text: string, timeFormat: 'auto' | 'epochSeconds' | 'epochMillis' = 'auto'): number[] => {
      const result = parseFileSource(text, { format: 'csv', eventTime: 't', timeFormat });
      return result.ok ? Array.from(result.block.time) : [];
    };
    expect(parse('t\n1404172800000\n1404172800500\n')).toEqual([1_404_172_800_000, 1_404_172_800_500]);
    expect(parse('t\n1404172800\n1404172801.5\n')).toEqual([1_404_172_800_000, 1_404_172_801_500]);
    expect(parse('t\n2014-07-01T00:00:00Z\n2014-07-01 00:00:01\n')).toEqual([1_404_172_800_000, 1_404_172_801_000]);
    expect(parse('t\n1404172800\n', 'epochMillis')).toEqual([1_404_172_800]);
    // Milliseconds read as seconds land in the year 46,000: outside the accepted years, a bad row.
    expect(parse('t\n1404172800000\n1404172800\n', 'epochSeconds')).toEqual([1_404_172_800_000]);
  });
});
