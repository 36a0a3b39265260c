import { scoresByThreshold, sweepPoints } from './sweep';
import { PROBATIONARY_PERCENT, type CostMatrix, type ScoredFile, type ThresholdScore } from './types';

/**
 * The threshold with the best score over the whole corpus (NAB's optimizer.optimizeThreshold):
 * every file's rows swept together, every distinct anomaly score tried as a threshold, the
 * highest threshold kept among equal best scores (Python's stable sort keeps the first).
 */
export function optimizeThreshold(files: readonly ScoredFile[], cost: CostMatrix, probationPercent = PROBATIONARY_PERCENT): ThresholdScore {
  const points = files.flatMap((file) => sweepPoints(file, cost, probationPercent));
  const rows = scoresByThreshold(points, cost);
  let best = rows[0]!;
  for (const row of rows) if (row.score > best.score) best = row;
  return best;
}

/**
 * One file's score and counts at `threshold` (NAB's Sweeper.scoreDataSet): the sweep row
 * whose threshold equals it, else the last row above it. When every score in the file is
 * above the threshold NAB finds no row and fails; every row is then a detection, so the
 * last sweep row is the answer.
 */
export function scoreFile(file: ScoredFile, cost: CostMatrix, threshold: number, probationPercent = PROBATIONARY_PERCENT): ThresholdScore {
  const rows = scoresByThreshold(sweepPoints(file, cost, probationPercent), cost);
  let prev = rows[0]!;
  for (const row of rows) {
    if (row.threshold === threshold) return row;
    if (row.threshold < threshold) return prev;
    prev = row;
  }
  return prev;
}

export interface CorpusScore {
  readonly threshold: number;
  /** The raw total (NAB's "Totals" row of <detector>_<profile>_scores.csv). */
  readonly score: number;
  readonly files: readonly ThresholdScore[];
}

/** Every file scored at one threshold, totalled in file order (NAB's scorer.scoreCorpus). */
export function scoreCorpus(files: readonly ScoredFile[], cost: CostMatrix, threshold: number, probationPercent = PROBATIONARY_PERCENT): CorpusScore {
  const scored = files.map((file) => scoreFile(file, cost, threshold, probationPercent));
  let score = 0;
  for (const row of scored) score += row.score;
  return { threshold, score, files: scored };
}

/**
 * NAB's normalised score (runner.normalize): 100 * (raw - null) / (perfect - null), where the
 * null detector's raw score is the baseline and a perfect detector earns tpWeight per window.
 */
export function normalizedScore(raw: number, nullRaw: number, windowCount: number, cost: CostMatrix): number {
  const perfect = windowCount * cost.tpWeight;
  return (100 * (raw - nullRaw)) / (perfect - nullRaw);
}

/** NAB's null detector: 0.5 on every row. */
export function nullDetector(files: readonly ScoredFile[]): ScoredFile[] {
  return files.map((file) => ({ ...file, scores: file.scores.map(() => 0.5) }));
}
