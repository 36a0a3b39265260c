import { describe, expect, it } from 'vitest';
import type { DetectorVerdict } from '../types';
import { contextualAlgorithm, type ContextualConfig, type ContextualState } from './contextualAlgorithm';

const base: ContextualConfig = { warmup: 16, threshold: 0.5, restPeriod: 0, restThreshold: 0.75, bits: 3, rangeMargin: 0, activeContexts: 15, contextFacts: 7 };

/** Scores `values` with a fresh state; returns the scores, the verdicts and the state. */
function run(values: readonly number[], config: Partial<ContextualConfig> = {}, state?: ContextualState) {
  const algorithm = contextualAlgorithm({ ...base, ...config });
  const st = state ?? algorithm.createState();
  const out: DetectorVerdict = { score: 0, isAnomaly: false };
  const scores: number[] = [];
  const flags: boolean[] = [];
  const reasons: string[] = [];
  for (const v of values) {
    algorithm.score(st, v, 0, out);
    scores.push(out.score);
    flags.push(out.isAnomaly);
    reasons.push(algorithm.explain(st, v, out));
  }
  return { scores, flags, reasons, state: st, algorithm };
}

/** A saw tooth over 0..7 (one value per band of the range 0..7), `periods` times. */
const saw = (periods: number): number[] => Array.from({ length: 8 * periods }, (_, i) => i % 8);

describe('contextual detector algorithm', () => {
  it('learns a repeated pattern until it scores it low', () => {
    const { scores } = run(saw(40));
    // Early on the same values were news; later only a few contexts learnt on the way still fail.
    expect(Math.max(...scores.slice(16, 24))).toBeGreaterThan(0.3);
    expect(Math.max(...scores.slice(8 * 30))).toBeLessThan(0.1);
  });

  it('scores a value the learnt contexts did not predict high, and says so', () => {
    const values = [...saw(40), 2, ...saw(1)];
    const { scores, flags, reasons } = run(values);
    const at = 8 * 40;
    expect(scores[at]).toBeGreaterThanOrEqual(0.5);
    expect(flags[at]).toBe(true);
    expect(reasons[at]).toMatch(/^2 after 7 is in band 3 of 8 \(2 to 3\): \d+ of \d+ learnt contexts predicted it; this step was new, \d+ of \d+ contexts it suggests were unseen$/);
    expect(Math.max(...scores.slice(at - 16, at))).toBeLessThan(0.1);
  });

  it('gives a value beyond the warm-up range a band of its own', () => {
    const { scores, reasons } = run([...saw(40), 30]);
    expect(scores.at(-1)).toBeGreaterThanOrEqual(0.5);
    expect(reasons.at(-1)).toMatch(/^30 after 7 is above the learnt range \(to 8\)/);
  });

  it('scores nothing while it learns the range in warm-up, then learns from the warm-up values', () => {
    const { scores, reasons, state } = run(saw(2), { warmup: 16 });
    expect(scores.slice(0, 15)).toEqual(new Array(15).fill(0));
    expect(reasons[3]).toBe('learning the value range (4 of 16 values)');
    expect(state.steps).toBe(16);
    expect(state.range).toEqual({ low: 0, width: 1, bands: 8, bits: 3 });
  });

  it('rests after a loud score: the next restPeriod scores are 0', () => {
    const values = [...saw(40), 2, ...saw(4)];
    const loud = run(values, { restPeriod: 0 }).scores;
    const rested = run(values, { restPeriod: 10 }).scores;
    const at = 8 * 40;
    expect(rested[at]).toBe(loud[at]);
    expect(rested.slice(at + 1, at + 11)).toEqual(new Array(10).fill(0));
    // The start counts as a loud score, as in CAD OSE: the first values learnt from (the warm-up's) rest too.
    expect(rested.slice(0, 19)).toEqual(new Array(19).fill(0));
    expect(loud.slice(16, 19).every((s) => s > 0)).toBe(true);
  });

  it('is deterministic, and a copied state goes on exactly as the original', () => {
    const values = Array.from({ length: 600 }, (_, i) => Math.round(50 + 20 * Math.sin(i / 5) + ((i * 7919) % 13)));
    const whole = run(values);
    expect(run(values).scores).toEqual(whole.scores);
    const first = run(values.slice(0, 250));
    const copy = structuredClone(first.state);
    const rest = run(values.slice(250), {}, copy);
    expect([...first.scores, ...rest.scores]).toEqual(whole.scores);
    expect(rest.reasons).toEqual(whole.reasons.slice(250));
  });

  it('keeps every score in [0, 1] and never flags a 0', () => {
    const values = Array.from({ length: 3000 }, (_, i) => ((i * 2654435761) >>> 0) % 1000 / 10);
    const { scores, flags } = run(values, { restPeriod: 5, threshold: 0 });
    for (let i = 0; i < scores.length; i++) {
      expect(scores[i]).toBeGreaterThanOrEqual(0);
      expect(scores[i]).toBeLessThanOrEqual(1);
      if (scores[i] === 0) expect(flags[i]).toBe(false);
    }
  });

  it('handles a flat warm-up: bands one unit wide from its value', () => {
    const { state, scores } = run([...new Array(16).fill(5), 5, 5, 6]);
    expect(state.range).toEqual({ low: 5, width: 1, bands: 8, bits: 3 });
    expect(scores.at(-1)).toBeGreaterThan(0.5);
  });
});
