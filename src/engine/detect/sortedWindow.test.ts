import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushValue, quantile, SortedWindow } from './sortedWindow';

/** numpy's default quantile of the last `capacity` values, by sorting a copy. */
function bruteQuantile(values: readonly number[], capacity: number, q: number): number {
  const last = values.slice(-capacity).sort((a, b) => a - b);
  if (last.length === 0) return NaN;
  const h = q * (last.length - 1);
  const lo = Math.floor(h);
  return lo + 1 >= last.length ? last[lo]! : last[lo]! + (h - lo) * (last[lo + 1]! - last[lo]!);
}

describe('sorted window quantiles', () => {
  it('equal the quantiles of the sorted last values after every push, ties and negatives included', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0)), { maxLength: 80 }),
      // (+ 0 turns -0 into 0: sorted order among equal values is not part of the contract.)
      fc.double({ min: 0, max: 1, noNaN: true }),
      (capacity, values, q) => {
        const w = new SortedWindow(capacity);
        const seen: number[] = [];
        for (const v of values) {
          pushValue(w, v);
          seen.push(v);
          expect(w.n).toBe(Math.min(seen.length, capacity));
          expect(Array.from(w.sorted.subarray(0, w.n))).toEqual(seen.slice(-capacity).sort((a, b) => a - b));
          expect(quantile(w, q)).toBe(bruteQuantile(seen, capacity, q));
        }
      },
    ));
  });
});
