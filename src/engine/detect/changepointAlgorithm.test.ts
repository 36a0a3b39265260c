import fc from 'fast-check';
import { runAlgorithm } from './detectorHarness';
import { describe, expect, it } from 'vitest';
import { changepointParamsSchema, type ChangepointParams } from '../../model';
import { seededRandom } from '../testing/aggregateStreams';
import { changepointAlgorithm } from './changepointAlgorithm';
import type { DetectorVerdict } from './types';

function params(input: Record<string, unknown>): ChangepointParams {
  return changepointParamsSchema.parse({ field: 'v', ...input });
}

function run(p: ChangepointParams, values: readonly number[]): { verdicts: DetectorVerdict[]; reasons: string[] } {
  return runAlgorithm(changepointAlgorithm(p), values);
}

/** Mean and sample sd of a list, two passes, with the detector's floor for a constant regime. */
function meanSd(xs: readonly number[]): [number, number] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  const floor = 1e-9 * Math.max(1, Math.abs(mean));
  return [mean, sd > floor ? sd : floor];
}

/** Both tests written from their definitions, keeping every value of the regime and recomputing its statistics. */
function reference(p: ChangepointParams, values: readonly number[]): { score: number; isAnomaly: boolean }[] {
  let regime: number[] = [];
  let ref: [number, number] | null = null;
  let up = 0;
  let down = 0;
  return values.map((v) => {
    regime.push(v);
    if (ref === null) {
      if (regime.length === p.relearn) ref = meanSd(regime);
      return { score: 0, isAnomaly: false };
    }
    const mean = p.method === 'pageHinkley' ? meanSd(regime)[0] : ref[0];
    let z = (v - mean) / ref[1];
    z = Math.min(1e3, Math.max(-1e3, z));
    up = Math.max(0, up + z - p.drift);
    down = Math.max(0, down - z - p.drift);
    const stat = Math.max(up, down);
    if (stat <= p.threshold) return { score: (0.5 * stat) / p.threshold, isAnomaly: false };
    regime = [v];
    ref = null;
    up = 0;
    down = 0;
    return { score: 0.5 + 0.5 * ((stat - p.threshold) / stat), isAnomaly: true };
  });
}

/** Normal noise (Box-Muller) from a seed: mean `mean`, sd 1. */
function noise(seed: number, n: number, mean: (i: number) => number): number[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => mean(i) + Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()));
}

const METHODS = ['cusum', 'pageHinkley'] as const;

describe('detect.changepoint algorithm', () => {
  it('equals a brute-force reference over random series, both methods', () => {
    fc.assert(fc.property(
      fc.constantFrom(...METHODS),
      fc.double({ min: 0, max: 2, noNaN: true }),
      fc.double({ min: 0.3, max: 12, noNaN: true }),
      fc.integer({ min: 2, max: 8 }),
      fc.array(fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.integer({ min: 0, max: 2 })), { maxLength: 80 }),
      (method, drift, threshold, relearn, values) => {
        const p = params({ method, drift, threshold, relearn });
        const got = run(p, values).verdicts;
        const want = reference(p, values);
        values.forEach((_, i) => {
          expect(got[i]!.isAnomaly).toBe(want[i]!.isAnomaly);
          expect(got[i]!.score).toBeCloseTo(want[i]!.score, 6);
          expect(got[i]!.score).toBeGreaterThanOrEqual(0);
          expect(got[i]!.score).toBeLessThanOrEqual(1);
        });
      },
    ));
  });

  for (const method of METHODS) {
    for (const shift of [-3, 1.5]) {
      it(`${method}: finds a ${shift} sd shift within a bounded delay and nothing before it`, () => {
        for (const seed of [1, 2, 3, 4, 5]) {
          const values = noise(seed, 1500, (i) => (i < 1000 ? 20 : 20 + shift));
          const flagged = run(params({ method, threshold: 10, drift: 0.5, relearn: 50 }), values).verdicts.flatMap((v, i) => (v.isAnomaly ? [i] : []));
          expect(flagged.filter((i) => i < 1000)).toEqual([]);
          // Expected delay about threshold / (|shift| - drift): 4 and 10 values; allow several times that.
          expect(flagged[0]).toBeGreaterThanOrEqual(1000);
          expect(flagged[0]).toBeLessThan(1000 + (Math.abs(shift) > 2 ? 15 : 45));
        }
      });
    }
  }

  it('explains a change, the approach to one and the learning', () => {
    const values = [20, 21, 19, 20, 20, 21, 19, 20, 23, 60];
    const { reasons, verdicts } = run(params({ threshold: 5, drift: 0.5, relearn: 8 }), values);
    expect(reasons[0]).toBe('learning the level: 1 of 8 values');
    expect(reasons[8]).toMatch(/^23: CUSUM 3\.469 of 5 toward a rise from mean 20$/);
    expect(reasons[9]).toMatch(/^CUSUM \d+(\.\d+)? passed 5 after a rise from mean 20$/);
    expect(verdicts[9]!.isAnomaly).toBe(true);
    // Page-Hinkley's running mean takes in the new values too, so it needs several of them.
    const ph = run(params({ method: 'pageHinkley', threshold: 5, relearn: 3 }), [10, 10.5, 9.5, 10, 0, 0, 0, 0, 0]);
    const first = ph.verdicts.findIndex((v) => v.isAnomaly);
    expect(ph.reasons[first]).toMatch(/^Page-Hinkley \d+(\.\d+)? passed 5 after a fall from running mean \d/);
  });

  it('calls a move in a constant regime a change, with a finite statistic', () => {
    const { verdicts } = run(params({ relearn: 3 }), [7, 7, 7, 7, 7.001]);
    expect(verdicts.map((v) => v.isAnomaly)).toEqual([false, false, false, false, true]);
    expect(verdicts[4]!.score).toBeLessThan(1);
  });
});
