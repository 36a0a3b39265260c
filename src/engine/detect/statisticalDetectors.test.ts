import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectorBatches, referenceDetector, runDetector, type DetectorEvent, type PushMode } from './detectorHarness';
import { ewmaAlgorithm } from './ewma';
import { gaussianScore } from './gaussian';
import { madAlgorithm } from './mad';
import type { DetectorAlgorithm, DetectorVerdict } from './types';
import { zscoreAlgorithm } from './zscore';

/** Brute force: what a detector says about `values` one by one, from the statistic `judge` computes over all values before. */
function bruteForce(values: readonly number[], judge: (before: readonly number[], x: number) => { score: number; z: number }): { score: number; z: number }[] {
  return values.map((x, i) => judge(values.slice(0, i), x));
}

function verdicts<S>(algorithm: DetectorAlgorithm<S>, values: readonly number[]): DetectorVerdict[] {
  const state = algorithm.createState();
  return values.map((v, i) => {
    const out = { score: 0, isAnomaly: false };
    algorithm.score(state, v, i, out);
    return out;
  });
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sortedOf = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
function quantileOf(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
}
const medianOf = (xs: readonly number[]): number => quantileOf(sortedOf(xs), 0.5);

/** Values with plateaus (repeats), jumps and noise, as real series have. */
const valuesArb = fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom(0, 7), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 300 });

function expectClose(actual: DetectorVerdict[], expected: { score: number; z: number }[], limit: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i]!;
    expect(Math.abs(a.score - e.score), `score ${i}`).toBeLessThan(1e-6);
    // A distance within rounding of the limit may fall either side.
    if (Math.abs(e.z - limit) > 1e-6 * Math.max(1, limit)) expect(a.isAnomaly, `flag ${i}: z ${e.z}`).toBe(e.z >= limit);
  });
}

function zOff(d: number, scale: number, center: number): number {
  // Subnormal distances (below 2^-1022) are rounding noise: 1.5e-323 against 0 is not a spread.
  if (d <= 1e-12 * Math.abs(center) || d < 2.2250738585072014e-308) return 0;
  return d / scale;
}

describe('detect.zscore', () => {
  it('scores each value by its distance from the mean and standard deviation of the window before it (brute force)', () => {
    fc.assert(fc.property(valuesArb, fc.integer({ min: 2, max: 40 }), fc.double({ min: 0.5, max: 4, noNaN: true }), (values, window, sigmas) => {
      const expected = bruteForce(values, (before, x) => {
        const w = before.slice(-window);
        if (w.length < 2) return { score: 0, z: 0 };
        const m = mean(w);
        const std = Math.sqrt(mean(w.map((v) => (v - m) ** 2)));
        // Running updates lose about eps (max / std)² of the variance: where the spread is below a
        // thousandth of the values' size the two sums may differ beyond the tolerance, so such rows are skipped.
        if (std < 1e-3 * Math.max(1, ...w.map(Math.abs))) return { score: Number.NaN, z: Number.NaN };
        const z = zOff(Math.abs(x - m), std, m);
        return { score: gaussianScore(z), z };
      });
      const actual = verdicts(zscoreAlgorithm(window, sigmas), values);
      const keep = expected.map((e) => !Number.isNaN(e.z));
      expectClose(actual.filter((_, i) => keep[i]), expected.filter((_, i) => keep[i]), sigmas);
    }), { numRuns: 200 });
  });

  it('stays exact over a long stream (the window is recomputed so rounding cannot pile up)', () => {
    const values = Array.from({ length: 20000 }, (_, i) => 1e6 + Math.sin(i) * 3 + (i % 97 === 0 ? 40 : 0));
    const actual = verdicts(zscoreAlgorithm(50, 3), values);
    for (const i of [19950, 19999, 19982]) {
      const w = values.slice(i - 50, i);
      const m = mean(w);
      const std = Math.sqrt(mean(w.map((v) => (v - m) ** 2)));
      expect(actual[i]!.score).toBeCloseTo(gaussianScore(Math.abs(values[i]! - m) / std), 6);
    }
  });

  it('explains in sigma from the rolling mean', () => {
    const alg = zscoreAlgorithm(4, 3);
    const s = alg.createState();
    const out = { score: 0, isAnomaly: false };
    for (const v of [10, 12, 10, 12]) alg.score(s, v, 0, out);
    alg.score(s, 20, 0, out);
    expect(out.isAnomaly).toBe(true);
    expect(alg.explain(s, 20, out)).toBe('20 is 9.0 sigma above the rolling mean 11');
    alg.score(s, 5, 0, out);
    expect(alg.explain(s, 5, out)).toBe('5 is 2.2 sigma below the rolling mean 13.5');
  });
});

describe('detect.ewma', () => {
  it('scores each value by its distance from the exponentially weighted mean and variance before it (brute force)', () => {
    fc.assert(fc.property(valuesArb, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 4, noNaN: true }), (values, alpha, sigmas) => {
      // The weighted mean and variance as sums of weights: value j of n has weight alpha (1 - alpha)^(n-1-j), the first the rest.
      const expected = bruteForce(values, (before, x) => {
        if (before.length === 0) return { score: 0, z: 0 };
        const n = before.length;
        const weights = before.map((_, j) => (j === 0 ? (1 - alpha) ** (n - 1) : alpha * (1 - alpha) ** (n - 1 - j)));
        const m = before.reduce((a, v, j) => a + weights[j]! * v, 0);
        // Finch's variance: sum over j >= 1 of (1 - alpha)^(n-j) alpha (v_j - m_{j-1})^2, m_{j-1} the mean before value j.
        let variance = 0;
        let running = before[0]!;
        for (let j = 1; j < n; j++) {
          const d = before[j]! - running;
          variance = (1 - alpha) * (variance + alpha * d * d);
          running += alpha * d;
        }
        const std = Math.sqrt(variance);
        if (std < 1e-3 * Math.max(1, ...before.map(Math.abs))) return { score: Number.NaN, z: Number.NaN };
        const z = zOff(Math.abs(x - m), std, m);
        return { score: gaussianScore(z), z };
      });
      const actual = verdicts(ewmaAlgorithm(alpha, sigmas), values);
      const keep = expected.map((e) => !Number.isNaN(e.z));
      expectClose(actual.filter((_, i) => keep[i]), expected.filter((_, i) => keep[i]), sigmas);
    }), { numRuns: 200 });
  });

  it('follows a level shift: after it, the new level is normal again', () => {
    const values = [...Array.from({ length: 200 }, (_, i) => 10 + (i % 2)), ...Array.from({ length: 200 }, (_, i) => 50 + (i % 2))];
    const v = verdicts(ewmaAlgorithm(0.1, 3), values);
    expect(v[200]!.isAnomaly).toBe(true);
    expect(v.slice(300).some((x) => x.isAnomaly)).toBe(false);
  });
});

describe('detect.mad', () => {
  for (const method of ['mad', 'iqr'] as const) {
    it(`${method}: scores each value by its robust distance from the window before it (brute force)`, () => {
      fc.assert(fc.property(valuesArb, fc.integer({ min: 3, max: 40 }), fc.double({ min: 0.5, max: 4, noNaN: true }), (values, window, limit) => {
        const expected = bruteForce(values, (before, x) => {
          const w = before.slice(-window);
          if (w.length < 2) return { score: 0, z: 0 };
          const sorted = sortedOf(w);
          const med = quantileOf(sorted, 0.5);
          const q1 = quantileOf(sorted, 0.25);
          const q3 = quantileOf(sorted, 0.75);
          const robust = method === 'iqr' ? (q3 - q1) / 1.3489795003921634 : medianOf(w.map((v) => Math.abs(v - med))) / 0.6744897501960817;
          let sigma = Math.max(robust, (quantileOf(sorted, 0.9) - quantileOf(sorted, 0.1)) / 2.563103131089201);
          if (sigma === 0) sigma = mean(w.map((v) => Math.abs(v - med))) / 0.7978845608028654;
          const z = zOff(Math.abs(x - med), sigma, med);
          if (method === 'mad') return { score: gaussianScore(z), z };
          const range = Math.max(q3 - q1, sigma * 1.3489795003921634);
          const beyond = x > q3 ? x - q3 : x < q1 ? q1 - x : 0;
          const outside = zOff(beyond, 1, x > q3 ? q3 : q1);
          const d = outside === 0 ? 0 : outside / range;
          return { score: gaussianScore(outside === 0 ? Math.min(0.6744897501960817, z) : 0.6744897501960817 + 1.3489795003921634 * d), z: d };
        });
        expectClose(verdicts(madAlgorithm(window, method, limit), values), expected, limit);
      }), { numRuns: 200 });
    });
  }

  it('reads subnormal distances as none (CI seed -639527247: 0 after 1.5e-323 and 0)', () => {
    for (const method of ['mad', 'iqr'] as const) {
      const v = verdicts(madAlgorithm(3, method, 0.5), [1.5e-323, 0, 0]);
      expect(v.map((x) => x.score)).toEqual([0, 0, 0]);
      expect(v.some((x) => x.isAnomaly)).toBe(false);
    }
  });

  it('is not dragged by an outlier in its window, where the z-score is', () => {
    const values = [...Array.from({ length: 30 }, (_, i) => 10 + (i % 3)), 1000, 14, 18];
    const mad = verdicts(madAlgorithm(30, 'mad', 3.5), values);
    const z = verdicts(zscoreAlgorithm(30, 3), values);
    expect(mad[30]!.isAnomaly && z[30]!.isAnomaly).toBe(true);
    // After the outlier the window's standard deviation is huge, its MAD is not.
    expect(mad[32]!.isAnomaly).toBe(true);
    expect(z[32]!.isAnomaly).toBe(false);
  });

  it('does not call the other level of a two-level series far out when one level is nearly flat (NAB\'s daily series)', () => {
    // 60 values at 10 with a quantum of noise, then 40 at 20: the MAD and IQR are 0.001, the deciles' spread is 10.
    const values = [...Array.from({ length: 60 }, (_, i) => 10 + (i % 2) * 0.001), ...Array.from({ length: 40 }, () => 20), 20, 50];
    for (const [method, limit] of [['mad', 3.5], ['iqr', 1.5]] as const) {
      const v = verdicts(madAlgorithm(100, method, limit), values);
      expect(v[100]!.isAnomaly).toBe(false);
      expect(v[100]!.score).toBeLessThan(0.99);
      // A value well beyond both levels still is.
      expect(v[101]!.isAnomaly).toBe(true);
    }
  });

  it('explains a normal record by its half-sigma band, or its band outside the quartiles', () => {
    const normal = (method: 'mad' | 'iqr', last: number): string => {
      const alg = madAlgorithm(5, method, 3);
      const s = alg.createState();
      const out = { score: 0, isAnomaly: false };
      for (const v of [10, 11, 12, 13, 14, last]) alg.score(s, v, 0, out);
      expect(out.isAnomaly).toBe(false);
      return alg.normalText(alg.normalBand(s, last, out));
    };
    // MAD 1, so sigma 1.4826: 13.5 is 1.01 sigma from the median 12, in the band up to 1.5.
    expect(normal('mad', 13.5)).toBe('within 1.5 robust sigma of the rolling median');
    expect(normal('mad', 12)).toBe('at the rolling median');
    expect(normal('iqr', 12)).toBe('between the rolling quartiles');
    // 14.5 is 1.5 above the upper quartile 13 with an IQR of 2: 0.75 IQR out.
    expect(normal('iqr', 14.5)).toBe('within 1 IQR outside the rolling quartiles');
  });

  it('explains in robust sigma from the median, or IQR beyond a quartile', () => {
    const run = (method: 'mad' | 'iqr', last: number): string => {
      const alg = madAlgorithm(5, method, 1.5);
      const s = alg.createState();
      const out = { score: 0, isAnomaly: false };
      for (const v of [10, 11, 12, 13, 14]) alg.score(s, v, 0, out);
      alg.score(s, last, 0, out);
      return alg.explain(s, last, out);
    };
    expect(run('mad', 30)).toBe('30 is 12.1 robust sigma above the rolling median 12');
    expect(run('iqr', 1)).toBe('1 is 5.0 IQR below the lower quartile 11');
  });
});

const eventsArb = fc.array(fc.record({
  dt: fc.integer({ min: -30, max: 60 }),
  key: fc.integer({ min: 0, max: 2 }),
  v: fc.option(fc.integer({ min: -9, max: 9 }), { freq: 8 }),
}), { maxLength: 150 }).map((xs) => {
  let t = 0;
  return xs.map((x): DetectorEvent => ({ t: (t += x.dt), key: x.key, v: x.v }));
});

const detectors: [string, () => DetectorAlgorithm<unknown>][] = [
  ['zscore', () => zscoreAlgorithm(7, 1.5) as DetectorAlgorithm<unknown>],
  ['ewma', () => ewmaAlgorithm(0.2, 1.5) as DetectorAlgorithm<unknown>],
  ['mad', () => madAlgorithm(6, 'mad', 2) as DetectorAlgorithm<unknown>],
  ['iqr', () => madAlgorithm(5, 'iqr', 0.5) as DetectorAlgorithm<unknown>],
];

describe('statistical detectors in the detector operator', () => {
  for (const [name, make] of detectors) {
    it(`${name}: the same output whatever the batch cuts, selections, keys, hold-off and snapshot point (late records scored in arrival order)`, () => {
      fc.assert(fc.property(eventsArb, fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 4 }), fc.constantFrom<PushMode>('push', 'reuse', 'selected', 'selectedKept'),
        fc.boolean(), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.option(fc.integer({ min: 0, max: 6 })),
        (events, cuts, mode, keyed, warmup, holdoff, snapshotAfter) => {
          const algorithm = make();
          const expected = referenceDetector(algorithm, warmup, events, keyed, holdoff);
          const actual = runDetector({ field: 'v', warmup, holdoff, algorithm }, detectorBatches(events, cuts, keyed), { mode, ...(snapshotAfter === null ? {} : { snapshotAfter }) });
          expect(actual).toEqual(expected);
        }), { numRuns: 150 });
    });
  }

  it('scores a late record when it arrives, whatever its event time says', () => {
    const values = [10, 11, 10, 11, 10, 30];
    const inOrder = values.map((v, i): DetectorEvent => ({ t: i * 1000, key: 0, v }));
    // The spike arrives last but is stamped first.
    const late = inOrder.map((e, i) => (i === 5 ? { ...e, t: -5000 } : e));
    for (const [, make] of detectors) {
      const algorithm = make();
      const a = runDetector({ field: 'v', warmup: 2, algorithm }, detectorBatches(inOrder, [2], false), { mode: 'push' });
      const b = runDetector({ field: 'v', warmup: 2, algorithm }, detectorBatches(late, [2], false), { mode: 'push' });
      expect(b).toEqual(a);
      expect(b[5]!.isAnomaly).toBe(true);
    }
  });

  it('warms up: no anomaly before the warm-up is over, even for a spike', () => {
    const events = [1, 1, 1, 50, 1, 1, 50].map((v, i): DetectorEvent => ({ t: i, key: 0, v }));
    for (const [, make] of detectors) {
      const out = runDetector({ field: 'v', warmup: 4, algorithm: make() }, detectorBatches(events, [], false), { mode: 'push' });
      expect(out[3]).toMatchObject({ isAnomaly: false, reason: 'warming up (4 of 4)' });
      expect(out[3]!.score).toBeGreaterThan(0.9);
      expect(out[6]!.isAnomaly).toBe(true);
    }
  });
});
