import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['5s', 5_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['-15m', -900_000],
    ['0', 0],
    ['0ms', 0],
    ['1.1s', 1_100],
    ['0.5ms', 0.5],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', '5 minutes', ' 5s', '5s ', '5S', '1e3s', '.5s', '5.s', '+5s', '--5s', '5sec', 'ms', '-0', '0x10s', '5m30s'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it('rejects a number too large to be finite', () => {
    expect(parseDuration(`${'9'.repeat(400)}d`)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [500, '500ms'],
    [5_000, '5s'],
    [90_000, '90s'],
    [7_200_000, '2h'],
    [86_400_000, '1d'],
    [-900_000, '-15m'],
    [0.5, '0.5ms'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('throws for a value no document can hold, when given NaN or Infinity', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('round-trips through parseDuration, for any integer or fractional ms', () => {
    // Below a nanosecond formatDuration rounds to a plain decimal on purpose.
    const fractional = fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
      .filter((value) => value === 0 || Math.abs(value) >= 1e-6);
    const ms = fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fractional);
    fc.assert(
      fc.property(ms, (value) => {
        expect(parseDuration(formatDuration(value))).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
