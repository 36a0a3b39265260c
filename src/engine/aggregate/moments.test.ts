import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactMean, exactVariance } from '../testing/exactMoments';
import { addMoment, mergeMoments, Moments, sampleVariance } from './moments';

interface Part { n: number; m: Moments }

function welford(values: readonly number[]): Part {
  const m = new Moments();
  values.forEach((x, i) => addMoment(m, i + 1, x));
  return { n: values.length, m };
}

function merge(a: Part, b: Part): Part {
  mergeMoments(a.m, a.n, b.n, b.m.shift, b.m.shiftedMean, b.m.m2);
  return { n: a.n + b.n, m: a.m };
}

/** Values about `base` spread by `spread`; `cuts` split them into runs folded by Welford and merged in a random tree. */
const input = fc.record({
  base: fc.constantFrom(0, -3, 1e6, 1.7e9, -1e12, 1e12),
  spread: fc.constantFrom(0, 2 ** -13, 1e-3, 1, 300, 1e9, 1e12),
  units: fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 2, maxLength: 2000 }),
  cuts: fc.array(fc.nat(), { maxLength: 30 }),
  order: fc.array(fc.nat(), { maxLength: 30 }),
});

describe('Welford updates and Chan merges of shifted moments', () => {
  it('give the exact variance to 1e-11 relative however the values are split and merged, 0 for equal values', () => {
    fc.assert(fc.property(input, ({ base, spread, units, cuts, order }) => {
      const values = units.map((u) => base + (spread * u) / 1_000_000);
      const bounds = [...new Set([0, values.length, ...cuts.map((c) => c % values.length)])].sort((a, b) => a - b);
      let parts = bounds.slice(1).map((end, i) => welford(values.slice(bounds[i], end)));
      // Merge neighbours in a random order (a random merge tree), as slices, sessions and stacks do.
      for (let i = 0; parts.length > 1; i++) {
        const at = (order[i % Math.max(1, order.length)] ?? 0) % (parts.length - 1);
        parts = [...parts.slice(0, at), merge(parts[at]!, parts[at + 1]!), ...parts.slice(at + 2)];
      }
      const { n, m } = parts[0]!;
      const exact = exactVariance(values);
      expect(Math.abs(sampleVariance(n, m.m2) - exact)).toBeLessThanOrEqual(1e-11 * exact);
      // The mean (shift plus shifted mean) within the worst case of a float64 mean of n values.
      expect(Math.abs(m.shift + m.shiftedMean - exactMean(values))).toBeLessThanOrEqual((n + 2) * 2 ** -53 * Math.max(...values.map(Math.abs)));
    }), { numRuns: 300 });
  });

  it('has no sample variance below two values, and merging nothing changes nothing', () => {
    const one = welford([1e12]);
    expect(sampleVariance(one.n, one.m.m2)).toBeNaN();
    const before = { ...one.m };
    mergeMoments(one.m, 1, 0, 5, 5, 5);
    expect({ ...one.m }).toEqual(before);
    const empty = new Moments();
    mergeMoments(empty, 0, 1, 1e12, 0, 0);
    expect({ ...empty }).toEqual({ shift: 1e12, shiftedMean: 0, m2: 0 });
  });
});
