import { probationaryLength, scaledSigmoid } from './sigmoid';
import { PROBATIONARY_PERCENT, type CostMatrix, type ScoredFile } from './types';

/**
 * Each row's share of a file's score at `threshold`, laid out as NAB's published result
 * files hold it in their `S(t)_<profile>` columns (NAB v1.0's Scorer.getScore): a window's
 * score (its first detection's, or -fnWeight when missed) on the window's first row, a
 * false positive's (negative) score on its own row, 0 elsewhere. The column sums to the
 * file's score. Probationary rows never detect; a window is every row within its time range.
 */
export function rowScores(file: ScoredFile, cost: CostMatrix, threshold: number, probationPercent = PROBATIONARY_PERCENT): number[] {
  const { timestamps, scores } = file;
  const probation = probationaryLength(timestamps.length, probationPercent);
  const out = new Array<number>(timestamps.length).fill(0);
  const detected = (i: number): boolean => i >= probation && scores[i]! >= threshold;
  const windows = file.windows.map((w) => rowsWithin(timestamps, w.start, w.end));
  const inWindow = new Uint8Array(timestamps.length);
  for (const rows of windows) for (const i of rows) inWindow[i] = 1;
  const maxTP = scaledSigmoid(-1.0);
  for (const rows of windows) {
    const first = rows[0];
    if (first === undefined) continue;
    const last = rows[rows.length - 1]!;
    const tp = rows.find(detected);
    out[first] = tp === undefined ? -cost.fnWeight : (scaledSigmoid(-(last - tp + 1) / rows.length) * cost.tpWeight) / maxTP;
  }
  for (let i = 0; i < timestamps.length; i++) {
    if (inWindow[i] === 1 || !detected(i)) continue;
    const before = closestPrecedingWindow(windows, i);
    out[i] = before === undefined
      ? -cost.fpWeight
      : scaledSigmoid(Math.abs(before[before.length - 1]! - i) / (before.length - 1)) * cost.fpWeight;
  }
  return out;
}

/** Row indices whose timestamps lie in [start, end]; NAB's format orders as text. */
function rowsWithin(timestamps: readonly string[], start: string, end: string): number[] {
  const rows: number[] = [];
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i]!;
    if (t >= start && t <= end) rows.push(i);
  }
  return rows;
}

function closestPrecedingWindow(windows: readonly (readonly number[])[], index: number): readonly number[] | undefined {
  let best: readonly number[] | undefined;
  let bestDistance = Infinity;
  for (const rows of windows) {
    const last = rows[rows.length - 1];
    if (last !== undefined && last < index && index - last < bestDistance) {
      bestDistance = index - last;
      best = rows;
    }
  }
  return best;
}
