import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHll, hllAdd, hllEstimate, hllMerge, resetHll, type Hll } from './hyperLogLog';

function hllOf(xs: Iterable<number>): Hll {
  const h = createHll();
  for (const x of xs) hllAdd(h, x);
  return h;
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

/** The estimate from the registers alone, summed register by register (the textbook formula). */
function textbookEstimate(h: Hll): number {
  const m = h.registers.length;
  let sum = 0;
  let zeros = 0;
  for (const r of h.registers) {
    sum += 2 ** -r;
    if (r === 0) zeros++;
  }
  const raw = ((0.7213 / (1 + 1.079 / m)) * m * m) / sum;
  return raw <= 2.5 * m && zeros > 0 ? Math.round(m * Math.log(m / zeros)) : Math.round(raw);
}

describe('the HyperLogLog sketch', () => {
  it('counts small sets (dictionary codes) within a few percent', () => {
    for (const n of [1, 10, 20, 100, 1000]) {
      expect(Math.abs(hllEstimate(hllOf(range(0, n))) - n)).toBeLessThanOrEqual(Math.max(1, 0.05 * n));
    }
    expect(hllEstimate(createHll())).toBe(0);
  });

  it('keeps the error within 4 standard errors (1.6% each) from thousands to a million values', () => {
    for (const n of [5_000, 20_000, 100_000, 1_000_000]) {
      const estimate = hllEstimate(hllOf(range(n * 7, n)));
      expect(Math.abs(estimate - n) / n).toBeLessThan(4 * 0.0163);
    }
  });

  it('has a mean relative error near zero and a spread near its standard error over many sets', () => {
    const errors: number[] = [];
    for (let t = 0; t < 40; t++) errors.push((hllEstimate(hllOf(range(t * 1e6 + 0.5, 20_000))) - 20_000) / 20_000);
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    const sd = Math.sqrt(errors.reduce((a, e) => a + (e - mean) ** 2, 0) / errors.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(sd).toBeLessThan(0.03);
  });

  it('estimates as the textbook formula over its registers: the rank counts always match them', () => {
    const xs = fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true })), { maxLength: 3000 });
    fc.assert(fc.property(xs, xs, (a, b) => {
      const h = hllOf(a);
      hllMerge(h, hllOf(b));
      expect(hllEstimate(h)).toBe(textbookEstimate(h));
    }), { numRuns: 30 });
  });

  it('merges to exactly the sketch of the union, and resets to a fresh sketch', () => {
    const xs = fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 500 });
    fc.assert(fc.property(xs, xs, (a, b) => {
      const merged = hllOf(a);
      hllMerge(merged, hllOf(b));
      const whole = hllOf([...a, ...b]);
      expect(merged).toEqual(whole);
      resetHll(merged);
      expect(merged).toEqual(createHll());
    }), { numRuns: 20 });
  });

  it('counts -0 and 0 as one value, and stays plain data', () => {
    const h = hllOf([0, -0]);
    expect(hllEstimate(h)).toBe(1);
    expect(structuredClone(h)).toEqual(h);
  });
});
