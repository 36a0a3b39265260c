import fc from 'fast-check';
import { runAlgorithm } from './detectorHarness';
import { describe, expect, it } from 'vitest';
import { thresholdParamsSchema, type ThresholdParams } from '../../model';
import { thresholdAlgorithm } from './thresholdAlgorithm';
import type { DetectorVerdict } from './types';

function params(input: Record<string, unknown>): ThresholdParams {
  return thresholdParamsSchema.parse({ field: 'v', ...input });
}

function run(p: ThresholdParams, values: readonly number[]): { verdicts: DetectorVerdict[]; reasons: string[] } {
  return runAlgorithm(thresholdAlgorithm(p), values);
}

/** The score straight from its definition: 0 inside; 0.5 + 0.5 * e / (e + scale) past a bound. */
function expected(v: number, lo: number | undefined, hi: number | undefined, scale: number): DetectorVerdict {
  const e = lo !== undefined && v < lo ? lo - v : hi !== undefined && v > hi ? v - hi : 0;
  return e > 0 ? { score: 0.5 + 0.5 * (e / (e + scale)), isAnomaly: true } : { score: 0, isAnomaly: false };
}

function quantileOf(sortedValues: readonly number[], q: number): number {
  const h = q * (sortedValues.length - 1);
  const lo = Math.floor(h);
  return lo + 1 >= sortedValues.length ? sortedValues[lo]! : sortedValues[lo]! + (h - lo) * (sortedValues[lo + 1]! - sortedValues[lo]!);
}

const reading = fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((v) => v + 0);

describe('detect.threshold algorithm', () => {
  it('fixed mode: flags values past either bound and explains which', () => {
    const { verdicts, reasons } = run(params({ min: 5, max: 80 }), [3.2, 5, 42, 80, 155]);
    expect(verdicts.map((v) => v.isAnomaly)).toEqual([true, false, false, false, true]);
    expect(verdicts[0]!.score).toBeCloseTo(0.5 + (0.5 * 1.8) / (1.8 + 75), 12);
    // Past the top by the whole spread: three quarters of the way.
    expect(verdicts[4]!.score).toBe(0.75);
    expect(reasons[0]).toBe('3.2 is below the fixed minimum 5');
    expect(reasons[2]).toBe('42 is within the fixed bounds [5, 80]');
    expect(reasons[4]).toBe('155 is above the fixed maximum 80');
  });

  it('fixed mode with one bound: scores against that bound\'s magnitude', () => {
    const { verdicts, reasons } = run(params({ max: 10 }), [-1e9, 20]);
    expect(verdicts[0]).toEqual({ score: 0, isAnomaly: false });
    expect(verdicts[1]).toEqual({ score: 0.75, isAnomaly: true });
    expect(reasons[0]).toBe('-1000000000 is within the fixed maximum 10');
  });

  it('fixed mode equals its definition over random bounds and values', () => {
    fc.assert(fc.property(fc.option(reading, { nil: undefined }), fc.option(reading, { nil: undefined }), fc.array(reading, { maxLength: 40 }), (a, b, values) => {
      fc.pre(a !== undefined || b !== undefined);
      fc.pre(a === undefined || b === undefined || a < b);
      const scale = a !== undefined && b !== undefined ? b - a : Math.abs((a ?? b)!) || 1;
      const got = run(params({ min: a, max: b }), values).verdicts;
      values.forEach((v, i) => expect(got[i]).toEqual(expected(v, a, b, scale)));
    }));
  });

  it('quantile mode equals bounds from sorting the window before each value', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 15 }),
      fc.double({ min: 0, max: 0.49, noNaN: true }),
      fc.double({ min: 0.51, max: 1, noNaN: true }),
      fc.array(fc.oneof(reading, fc.integer({ min: 0, max: 3 })), { maxLength: 60 }),
      (window, lower, upper, values) => {
        const got = run(params({ mode: 'quantile', window, lower, upper }), values).verdicts;
        values.forEach((v, i) => {
          const before = values.slice(Math.max(0, i - window), i).sort((x, y) => x - y);
          if (before.length < 2) {
            expect(got[i]).toEqual({ score: 0, isAnomaly: false });
            return;
          }
          const lo = quantileOf(before, lower);
          const hi = quantileOf(before, upper);
          const scale = hi > lo ? hi - lo : Math.abs(lo) || 1;
          expect(got[i]).toEqual(expected(v, lo, hi, scale));
        });
      },
    ));
  });

  it('quantile mode explains against the rolling bounds it used', () => {
    const { reasons, verdicts } = run(params({ mode: 'quantile', window: 4, lower: 0, upper: 1 }), [1, 2, 3, 4, 2.5, 9, 0]);
    expect(reasons[0]).toBe('1: no rolling bounds yet (they need 2 earlier values)');
    expect(reasons[2]).toBe('3 is above the rolling 1 quantile 2 of the last 2');
    expect(reasons[4]).toBe('2.5 is within the rolling bounds [1, 4] of the last 4');
    expect(reasons[5]).toBe('9 is above the rolling 1 quantile 4 of the last 4');
    expect(reasons[6]).toBe('0 is below the rolling 0 quantile 2.5 of the last 4');
    expect(verdicts.map((v) => v.isAnomaly)).toEqual([false, false, true, true, false, true, true]);
  });
});

describe('detect.threshold params', () => {
  it('rejects fixed mode without bounds, min not below max, and lower not below upper', () => {
    const messages = (input: Record<string, unknown>) => {
      const r = thresholdParamsSchema.safeParse({ field: 'v', ...input });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages({})).toEqual(['max: fixed mode needs min, max or both: a bound to test values against']);
    expect(messages({ min: 5, max: 5 })).toEqual(['max: must be above min (5)']);
    expect(messages({ mode: 'quantile', lower: 0.9, upper: 0.1 })).toEqual(['upper: must be above lower (0.9)']);
    expect(messages({ mode: 'quantile' })).toEqual([]);
  });
});
