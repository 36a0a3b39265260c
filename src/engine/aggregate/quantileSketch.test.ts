import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSketch, resetSketch, sketchAdd, sketchMerge, type QuantileSketch } from './quantileSketch';
import { sketchCode, sketchKey } from './sketchKey';
import { sketchAddCodes } from './sketchBins';
import { BUFFER_SIZE, mapping, RELATIVE_ACCURACY } from './sketchMapping';
import { sketchQuantile } from './sketchQuantile';

const values = fc.array(fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { maxLength: 80 });
/** Enough values that some sketches spill from the buffer into the bins. */
const manyValues = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: BUFFER_SIZE - 20, maxLength: 3 * BUFFER_SIZE });
const qs = [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 1];

function sketchOf(xs: readonly number[]): QuantileSketch {
  const s = createSketch();
  for (const x of xs) sketchAdd(s, x);
  return s;
}

/** What the sketch must answer: the representative of the bucket of the value at rank floor(q (n - 1)). */
function expected(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const v = sorted[Math.floor(q * (sorted.length - 1))]!;
  const bucket = v > mapping.minPossible ? mapping.value(sketchKey(v)) : v < -mapping.minPossible ? -mapping.value(sketchKey(-v)) : 0;
  // A quantile has no sign of zero to keep: 0 and -0 are one value, answered as 0.
  return Math.min(sorted[sorted.length - 1]!, Math.max(sorted[0]!, bucket)) + 0;
}

describe('the quantile sketch', () => {
  it('answers after a merge exactly as if every value had been added to one sketch', () => {
    fc.assert(fc.property(fc.oneof(values, manyValues), fc.oneof(values, manyValues), (a, b) => {
      const merged = sketchOf(a);
      sketchMerge(merged, sketchOf(b));
      const whole = sketchOf([...a, ...b]);
      for (const q of qs) expect(sketchQuantile(merged, q)).toBe(sketchQuantile(whole, q));
    }), { numRuns: 60 });
  });

  it('answers after adding codes (as a window cell hands over its staged values) exactly as after adding the values', () => {
    fc.assert(fc.property(fc.oneof(values, manyValues), fc.oneof(values, manyValues), fc.nat(5), (before, xs, at) => {
      const viaCodes = sketchOf(before);
      const codes = new Int32Array(at + xs.length);
      xs.forEach((x, i) => { codes[at + i] = sketchCode(x); });
      sketchAddCodes(viaCodes, codes, at, at + xs.length, Math.min(...xs), Math.max(...xs));
      const viaValues = sketchOf([...before, ...xs]);
      expect(viaCodes.count).toBe(viaValues.count);
      for (const q of qs) expect(sketchQuantile(viaCodes, q)).toBe(sketchQuantile(viaValues, q));
    }), { numRuns: 60 });
  });

  it('answers after a reset exactly as a fresh sketch, keeping its room', () => {
    fc.assert(fc.property(fc.oneof(values, manyValues), values, (before, after) => {
      const reused = sketchOf(before);
      sketchQuantile(reused, 0.5);
      resetSketch(reused);
      for (const x of after) sketchAdd(reused, x);
      const fresh = sketchOf(after);
      for (const q of qs) expect(sketchQuantile(reused, q)).toBe(sketchQuantile(fresh, q));
    }));
  });

  it('answers the bucket of the value at the rank, whether the values are buffered, in bins or both, and in any order of questions', () => {
    fc.assert(fc.property(fc.oneof(values, manyValues), fc.shuffledSubarray(qs), (xs, order) => {
      const s = sketchOf(xs);
      for (const q of order) expect(sketchQuantile(s, q)).toBe(xs.length === 0 ? NaN : expected(xs, q));
    }));
  });

  it('answers 0, never -0, for zeros of either sign, buffered or in bins', () => {
    for (const xs of [[0, -0], [-0, 0], [-0, -0], Array.from({ length: 3 * BUFFER_SIZE }, () => -0)]) {
      for (const q of qs) expect(Object.is(sketchQuantile(sketchOf(xs), q), 0)).toBe(true);
    }
  });

  it('keeps every quantile within the relative accuracy of the exact value, over any magnitudes', () => {
    const magnitudes = fc.double({ min: -300, max: 300, noNaN: true }).map((e) => 10 ** e);
    fc.assert(fc.property(fc.array(fc.oneof(magnitudes, magnitudes.map((x) => -x)), { minLength: 1, maxLength: 300 }), (xs) => {
      const s = sketchOf(xs);
      const sorted = [...xs].sort((a, b) => a - b);
      for (const q of qs) {
        const exact = sorted[Math.floor(q * (sorted.length - 1))]!;
        expect(Math.abs(sketchQuantile(s, q) - exact)).toBeLessThanOrEqual(RELATIVE_ACCURACY * Math.abs(exact) * (1 + 1e-12));
      }
    }));
  });

  it('keeps quantiles within 1% of the exact value', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => 1 + i * 3.7);
    const s = sketchOf(xs);
    expect(Math.abs(sketchQuantile(s, 0.5) - xs[Math.floor(0.5 * 999)]!) / xs[499]!).toBeLessThan(0.011);
  });

  it('stays plain data: a structured clone answers the same', () => {
    fc.assert(fc.property(fc.oneof(values, manyValues), (xs) => {
      const s = sketchOf(xs);
      const copy = structuredClone(s);
      for (const q of qs) expect(sketchQuantile(copy, q)).toBe(sketchQuantile(s, q));
    }));
  });
});

describe('the sketch key', () => {
  it('is the key @datadog/sketches-js gives, read from the bits instead of a log', () => {
    const positive = fc.oneof(
      fc.double({ min: mapping.minPossible * 2, max: mapping.maxPossible, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.integer({ min: 1, max: 1e6 }).map((c) => c / 100),
    );
    fc.assert(fc.property(positive, (v) => {
      expect(sketchKey(v)).toBe(mapping.key(v));
    }), { numRuns: 5000 });
    // The integer fast path's edges, then powers of two and their neighbours, the edges of the exponent.
    for (const v of [1, 1 - 2 ** -53, 1 + 2 ** -52, 1.5, 2, 3, 2 ** 30, 2 ** 31 - 2 ** -22, 2 ** 31, 2 ** 31 + 1, 2 ** 32]) {
      expect(sketchKey(v)).toBe(mapping.key(v));
    }
    // Powers of two and their neighbours sit on the edges of the exponent.
    for (let e = -1020; e <= 1020; e += 7) {
      for (const v of [2 ** e, 2 ** e * (1 + 2 ** -52), 2 ** e * (1 - 2 ** -53)]) expect(sketchKey(v)).toBe(mapping.key(v));
    }
  });

  it('maps every value to a bucket whose representative is within the relative accuracy', () => {
    fc.assert(fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (v) => {
      expect(Math.abs(mapping.value(sketchKey(v)) - v)).toBeLessThanOrEqual(RELATIVE_ACCURACY * v * (1 + 1e-12));
    }), { numRuns: 5000 });
  });
});
