import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactMean, exactVariance } from '../testing/exactMoments';
import { addMoment, emptyMoments, momentsM2, momentsMean, removeOldestMoment } from './windowMoments';

/** Slides a count window of `size` over `values`, reporting (mean, sample variance, window) after each value. */
function slide(values: readonly number[], size: number): { mean: number; variance: number; window: number[] }[] {
  const m = emptyMoments();
  const buffer = new Float64Array(values.length);
  let start = 0;
  const out: { mean: number; variance: number; window: number[] }[] = [];
  values.forEach((x, end) => {
    buffer[end] = x;
    addMoment(m, end + 1 - start, end - start, x);
    if (end + 1 - start > size) {
      const old = buffer[start]!;
      start++;
      removeOldestMoment(m, old, buffer, start, end + 1);
    }
    const n = end + 1 - start;
    out.push({ mean: momentsMean(m, n), variance: n > 1 ? momentsM2(m, n) / (n - 1) : NaN, window: Array.from(buffer.subarray(start, end + 1)) });
  });
  return out;
}

describe('sliding window moments', () => {
  it('reads a window of equal values as flat: standard deviation exactly 0 (CI seed -1963729757)', () => {
    const steps = slide([-13, -90, -90, 0], 2);
    expect(steps[2]).toMatchObject({ mean: -90, variance: 0 });
  });

  it('keeps the mean and variance of the values in the window as an exact computation does, however long the stream', () => {
    const offsets = fc.constantFrom(0, 1e6, 1e12, -3.5e9);
    // Magnitudes below 1e-12 are mapped to 0: beside values up to 1e12 they would span more than the
    // about 32 digits a double-double holds (see accumulate), and no reading spans that in one window.
    const values = fc.array(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => (Math.abs(x) < 1e-12 ? 0 : x))), { minLength: 1, maxLength: 300 });
    fc.assert(fc.property(values, offsets, fc.integer({ min: 1, max: 40 }), (raw, offset, size) => {
      const data = raw.map((x) => offset + x);
      for (const step of slide(data, size)) {
        const exact = exactMean(step.window);
        // A few units in the last place of the window's largest magnitude (c + S1 / n rounds twice, and S1 / n can be as large as c).
        const largest = Math.max(...step.window.map(Math.abs));
        expect(Math.abs(step.mean - exact)).toBeLessThanOrEqual(8 * Number.EPSILON * largest + 1e-290);
        if (step.window.length < 2) continue;
        const variance = exactVariance(step.window);
        if (new Set(step.window).size === 1) expect(step.variance).toBe(0);
        // (plus a floor far below any reading: squares of subnormal values underflow.)
        else expect(Math.abs(step.variance - variance)).toBeLessThanOrEqual(1e-9 * variance + 1e-290);
      }
    }), { numRuns: 300 });
  });
});
