import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSketch, resetSketch, sketchAdd, sketchMerge, sketchQuantile } from './quantileSketch';

const values = fc.array(fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { maxLength: 80 });
const qs = [0, 0.01, 0.25, 0.5, 0.9, 0.99, 1];

function sketchOf(xs: readonly number[]) {
  const s = createSketch();
  for (const x of xs) sketchAdd(s, x);
  return s;
}

describe('the quantile sketch', () => {
  it('answers after a merge exactly as if every value had been added to one sketch', () => {
    fc.assert(fc.property(values, values, (a, b) => {
      const merged = sketchOf(a);
      sketchMerge(merged, sketchOf(b));
      const whole = sketchOf([...a, ...b]);
      for (const q of qs) expect(sketchQuantile(merged, q)).toBe(sketchQuantile(whole, q));
    }));
  });

  it('answers after a reset exactly as a fresh sketch, keeping its room', () => {
    fc.assert(fc.property(values, values, (before, after) => {
      const reused = sketchOf(before);
      resetSketch(reused);
      for (const x of after) sketchAdd(reused, x);
      const fresh = sketchOf(after);
      for (const q of qs) expect(sketchQuantile(reused, q)).toBe(sketchQuantile(fresh, q));
    }));
  });

  it('keeps quantiles within 1% of the exact value', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => 1 + i * 3.7);
    const s = sketchOf(xs);
    expect(Math.abs(sketchQuantile(s, 0.5) - xs[Math.floor(0.5 * 999)]!) / xs[499]!).toBeLessThan(0.011);
  });
});
