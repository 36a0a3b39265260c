import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreDetector } from './benchmark';
import { rowScores } from './rowScores';
import { nullDetector, scoreCorpus, scoreFile } from './score';
import { probationaryLength } from './sigmoid';
import { PROBATIONARY_PERCENT, type CostMatrix, type NabWindow, type ProfileName, type ScoredFile } from './types';

const profiles = new Map<ProfileName, CostMatrix>([
  ['standard', { tpWeight: 1, fpWeight: 0.11, fnWeight: 1, tnWeight: 1 }],
  ['reward_low_FP_rate', { tpWeight: 1, fpWeight: 0.22, fnWeight: 1, tnWeight: 1 }],
  ['reward_low_FN_rate', { tpWeight: 1, fpWeight: 0.11, fnWeight: 2, tnWeight: 1 }],
]);

function stamp(minute: number): string {
  return new Date(Date.UTC(2020, 0, 1) + minute * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

interface Layout { readonly rows: number; readonly windows: readonly (readonly [number, number])[] }

/** A file of 40-300 rows with 0-3 windows of at least 2 rows, all after the probationary period, apart from each other. */
const layout: fc.Arbitrary<Layout> = fc.integer({ min: 40, max: 300 }).chain((rows) => {
  const first = probationaryLength(rows, PROBATIONARY_PERCENT);
  return fc.uniqueArray(fc.integer({ min: Math.ceil(first), max: rows - 1 }), { maxLength: 6 }).map((edges) => {
    const sorted = [...edges].sort((a, b) => a - b);
    const windows: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const [a, b] = [sorted[i]!, sorted[i + 1]!];
      const prev = windows[windows.length - 1];
      if (b > a && (prev === undefined || a > prev[1] + 1)) windows.push([a, b]);
    }
    return { rows, windows };
  });
});

function file(l: Layout, i: number, score: (row: number) => number): ScoredFile {
  const timestamps = Array.from({ length: l.rows }, (_, r) => stamp(r));
  const windows: NabWindow[] = l.windows.map(([a, b]) => ({ start: timestamps[a]!, end: timestamps[b]! }));
  return { path: `cat/file${i}.csv`, timestamps, scores: timestamps.map((_, r) => score(r)), windows };
}

const corpus = fc.array(layout, { minLength: 1, maxLength: 4 }).filter((ls) => ls.some((l) => l.windows.length > 0));
const inWindow = (l: Layout, r: number): boolean => l.windows.some(([a, b]) => r >= a && r <= b);

describe('NAB scoring properties', () => {
  it('scores 100 in every profile for a detector flagging exactly each window\'s first row', () => {
    fc.assert(fc.property(corpus, (ls) => {
      const files = ls.map((l, i) => file(l, i, (r) => (l.windows.some(([a]) => a === r) ? 1 : 0)));
      // NAB's 100 * (raw - null) / (perfect - null) may round the last bit when raw is perfect.
      for (const result of scoreDetector(files, profiles)) expect(result.normalized).toBeCloseTo(100, 9);
    }), { numRuns: 60 });
  });

  it('keeps any detector between the null detector (0) and a perfect one (100)', () => {
    fc.assert(fc.property(corpus, fc.integer(), (ls, seed) => {
      const files = ls.map((l, i) => file(l, i, (r) => (((r * 2654435761 + seed + i) >>> 0) % 1000) / 999));
      for (const result of scoreDetector(files, profiles)) {
        expect(result.normalized).toBeGreaterThanOrEqual(0);
        expect(result.normalized).toBeLessThanOrEqual(100);
      }
    }), { numRuns: 60 });
  });

  it('scores a detector flagging only rows outside windows below the null detector at its threshold, and 0 once optimised', () => {
    fc.assert(fc.property(corpus, fc.integer({ min: 2, max: 7 }), (ls, every) => {
      const files = ls.map((l, i) => file(l, i, (r) => (!inWindow(l, r) && r % every === 0 ? 1 : 0)));
      const flagged = ls.some((l) => Array.from({ length: l.rows }, (_, r) => r).some((r) => r >= probationaryLength(l.rows, PROBATIONARY_PERCENT) && !inWindow(l, r) && r % every === 0));
      fc.pre(flagged);
      for (const [, cost] of profiles) {
        const ours = scoreCorpus(files, cost, 1).score;
        const nulls = scoreCorpus(nullDetector(files), cost, 1).score;
        expect(ours).toBeLessThan(nulls);
      }
      // Both may end up flagging every row (a low threshold), summed in another order: equal up to rounding.
      for (const result of scoreDetector(files, profiles)) expect(result.normalized).toBeCloseTo(0, 9);
    }), { numRuns: 60 });
  });

  it('lays out per-row scores that sum to the file\'s score at any threshold', () => {
    fc.assert(fc.property(layout, fc.integer(), fc.integer({ min: 0, max: 10 }), (l, seed, t) => {
      const f = file(l, 0, (r) => (((r * 40503 + seed) >>> 0) % 11) / 10);
      for (const [, cost] of profiles) {
        const sum = rowScores(f, cost, t / 10).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(scoreFile(f, cost, t / 10).score, 9);
      }
    }), { numRuns: 100 });
  });
});
