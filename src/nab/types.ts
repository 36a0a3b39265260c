/**
 * NAB (Numenta Anomaly Benchmark) scoring, ported from NAB's nab/sweeper.py,
 * nab/optimizer.py, nab/scorer.py and nab/runner.py (MIT licence, commit ea702d7).
 * Pure: no DOM, no Node. Callers read files and hand over plain data.
 */

/** One profile's weights (NAB's config/profiles.json "CostMatrix"). tnWeight is carried but, as in NAB, never used. */
export interface CostMatrix {
  readonly tpWeight: number;
  readonly fpWeight: number;
  readonly fnWeight: number;
  readonly tnWeight: number;
}

export type ProfileName = 'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate';

/** An anomaly window: inclusive first and last timestamps, both present in the file. */
export interface NabWindow {
  readonly start: string;
  readonly end: string;
}

/**
 * One corpus file's detector output: a timestamp and an anomaly score per row, in file order.
 * `path` is the corpus-relative path (`realKnownCause/nyc_taxi.csv`), also the key of its windows.
 */
export interface ScoredFile {
  readonly path: string;
  readonly timestamps: readonly string[];
  readonly scores: readonly number[];
  readonly windows: readonly NabWindow[];
}

/** A row of the sweep over one or many files (NAB's AnomalyPoint). */
export interface AnomalyPoint {
  readonly anomalyScore: number;
  /** The row's weighted score if it were a detection (NAB's sweepScore). */
  readonly sweepScore: number;
  /** `path|windowStart` inside a window, null outside, and 'probationary' in the probationary period. */
  readonly windowName: string | null;
}

/** NAB's ThresholdScore: the score and counts when every row scoring at least `threshold` is a detection. */
export interface ThresholdScore {
  readonly threshold: number;
  readonly score: number;
  readonly tp: number;
  readonly tn: number;
  readonly fp: number;
  readonly fn: number;
  readonly total: number;
}

/** NAB scores every file with 15% of its rows (at most 750) as a probationary period. */
export const PROBATIONARY_PERCENT = 0.15;
