import { describe, expect, it } from 'vitest';
import { compareValues, showValue, wantedWords } from './compareOp';

const T = 1_772_452_819_999; // an epoch-ms watermark, 2026-03-02T12:00:19.999Z

describe('compareValues', () => {
  it('compares epoch-millisecond times exactly: a second, or a millisecond, away is not equal', () => {
    expect(compareValues(T - 1000, 'ge', T)).toBe(false);
    expect(compareValues(T - 1, 'ge', T)).toBe(false);
    expect(compareValues(T + 1000, 'eq', T)).toBe(false);
    expect(compareValues(T + 1, 'le', T)).toBe(false);
    expect(compareValues(T, 'eq', T)).toBe(true);
    expect(compareValues(T - 1000, 'lt', T)).toBe(true);
  });

  it('compares counts exactly', () => {
    expect(compareValues(1_000_000_001, 'eq', 1_000_000_000)).toBe(false);
    expect(compareValues(1_000_000_001, 'gt', 1_000_000_000)).toBe(true);
  });

  it('lets an average differ from its decimal only by floating-point rounding', () => {
    const mean = (0.1 + 0.2 + 0.3) / 3; // 0.20000000000000004
    expect(mean).not.toBe(0.2);
    expect(compareValues(mean, 'eq', 0.2)).toBe(true);
    expect(compareValues(mean, 'le', 0.2)).toBe(true);
    expect(compareValues(0.2001, 'eq', 0.2)).toBe(false);
  });

  it('lets a fractional time differ by less than a microsecond only', () => {
    expect(compareValues(T + 0.0000001, 'eq', T + 0.0000002)).toBe(true);
    expect(compareValues(T + 0.5, 'eq', T)).toBe(false);
    expect(compareValues(T + 0.01, 'eq', T + 0.02)).toBe(false);
  });
});

describe('showValue and wantedWords', () => {
  it('show a time as its UTC time only, with milliseconds only when not zero', () => {
    expect(showValue(T, true)).toBe('2026-03-02 12:00:19.999 UTC');
    expect(showValue(T + 1, true)).toBe('2026-03-02 12:00:20 UTC');
    expect(wantedWords('ge', 1_772_442_010_000, true)).toBe('at least 2026-03-02 09:00:10 UTC');
  });

  it('keep counts as numbers', () => {
    expect(showValue(1_772_452_819_999)).toBe('1,772,452,819,999');
    expect(wantedWords('le', 10_000)).toBe('at most 10,000');
  });
});
