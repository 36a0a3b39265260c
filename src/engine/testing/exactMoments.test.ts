import { describe, expect, it } from 'vitest';
import { exactMean, exactSum, exactVariance } from './exactMoments';

describe('exact sums and variances of doubles', () => {
  it('sums without rounding, where a float64 sum loses everything', () => {
    expect(exactSum([1e16, 1, -1e16])).toBe(1);
    expect(exactSum([2 ** -1074, 1, -1])).toBe(2 ** -1074);
    expect(exactSum([])).toBe(0);
    expect(exactMean([1e12, 1e12 + 2 ** -13])).toBe(1e12 + 2 ** -14);
  });

  it('computes the sample variance exactly, however large the offset', () => {
    expect(exactVariance([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBe(1);
    expect(exactVariance([1e12, 1e12 + 2 ** -13])).toBe(2 ** -27);
    expect(exactVariance([-3, -3, -3])).toBe(0);
    expect(exactVariance([1, 2, 3, 4])).toBe(5 / 3);
    expect(exactVariance([7])).toBeNaN();
  });
});
