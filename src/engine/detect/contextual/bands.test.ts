import { describe, expect, it } from 'vitest';
import { bandFacts, bandOf, OUTER_BANDS, rangeOf, sensoryFactCount } from './bands';

describe('value bands', () => {
  const range = rangeOf([10, 80, 45], 3, 0);
  const facts = (v: number): number[] => {
    const out: number[] = [];
    bandFacts(range, bandOf(range, v), out);
    return out;
  };

  it('cuts the warm-up range into 2^bits bands, the maximum starting the top one, as CAD OSE', () => {
    expect(range).toEqual({ low: 10, width: 10, bands: 8, bits: 3 });
    expect([10, 19.9, 20, 79.9, 80].map((v) => bandOf(range, v))).toEqual([0, 0, 1, 6, 7]);
  });

  it('makes one fact per bit of the band number: 2 * bit + the bit', () => {
    expect(facts(10)).toEqual([0, 2, 4]);
    expect(facts(60)).toEqual([1, 2, 5]);
    expect(facts(80)).toEqual([1, 3, 5]);
  });

  it('gives each band outside the range one fact of its own, the last one open', () => {
    expect(facts(9)).toEqual([6]);
    expect(facts(90)).toEqual([7]);
    expect(facts(100)).toEqual([9]);
    expect(facts(-1e9)).toEqual([6 + 2 * (OUTER_BANDS - 1)]);
    expect(facts(1e9)).toEqual([7 + 2 * (OUTER_BANDS - 1)]);
    expect(sensoryFactCount(3)).toBe(6 + 2 * OUTER_BANDS);
  });

  it('widens the range by the margin on each side', () => {
    expect(rangeOf([0, 70], 3, 0.5)).toEqual({ low: -35, width: 20, bands: 8, bits: 3 });
  });
});
