import { probationaryLength, scaledSigmoid } from './sigmoid';
import type { AnomalyPoint, CostMatrix, ScoredFile, ThresholdScore } from './types';

const PROBATIONARY = 'probationary';

/**
 * One file's rows as AnomalyPoints (NAB's Sweeper.calcSweepScore): inside a window a row
 * would score as a true positive by its position (earlier is better, the best scaled to
 * tpWeight); outside, as a false positive by its distance past the previous window.
 * Window edges are found by the first row with the edge's timestamp, as NAB's
 * `timestamps.index` does (machine_temperature repeats an hour).
 */
export function sweepPoints(file: ScoredFile, cost: CostMatrix, probationPercent: number): AnomalyPoint[] {
  const { timestamps, scores } = file;
  if (timestamps.length !== scores.length) {
    throw new Error(`${file.path}: ${timestamps.length} timestamps but ${scores.length} anomaly scores`);
  }
  const pending = [...file.windows];
  const points: AnomalyPoint[] = [];
  const maxTP = scaledSigmoid(-1.0);
  const probation = probationaryLength(timestamps.length, probationPercent);
  let current: { name: string; end: string; right: number; width: number } | null = null;
  let prevRight: number | null = null;
  let prevWidth = 0;
  for (let i = 0; i < timestamps.length; i++) {
    const time = timestamps[i]!;
    const next = pending[0];
    if (next !== undefined && time === next.start) {
      pending.shift();
      const right = timestamps.indexOf(next.end);
      current = { name: `${file.path}|${next.start}`, end: next.end, right, width: right - timestamps.indexOf(next.start) + 1 };
    }
    let weighted: number;
    if (current !== null) {
      weighted = scaledSigmoid(-(current.right - i + 1) / current.width) * cost.tpWeight / maxTP;
    } else {
      const unweighted = prevRight === null ? -1.0 : scaledSigmoid(Math.abs(prevRight - i) / (prevWidth - 1));
      weighted = unweighted * cost.fpWeight;
    }
    points.push({ anomalyScore: scores[i]!, sweepScore: weighted, windowName: i >= probation ? (current?.name ?? null) : PROBATIONARY });
    if (current !== null && time === current.end) {
      prevRight = i;
      prevWidth = current.width;
      current = null;
    }
  }
  return points;
}

/**
 * The score and counts at every distinct anomaly score, from the highest down (NAB's
 * Sweeper.calcScoreByThreshold). The first row, at threshold 1.1, has no detections.
 * Sums run in NAB's order (false positives first, then windows as the sorted rows first
 * meet them) so totals match NAB's to the last bit.
 */
export function scoresByThreshold(points: readonly AnomalyPoint[], cost: CostMatrix): ThresholdScore[] {
  // Array.prototype.sort is stable, like Python's sorted(reverse=True).
  const scorable = points.filter((p) => p.windowName !== PROBATIONARY).sort((a, b) => b.anomalyScore - a.anomalyScore);
  // NAB's scoreParts dict: 'fp' first, then each window as the sorted rows first meet it.
  // Kept as an array in that order (the sum runs once per distinct score: a Map was most of the time).
  const slotOf = new Map<string, number>();
  for (const p of scorable) if (p.windowName !== null && !slotOf.has(p.windowName)) slotOf.set(p.windowName, slotOf.size + 1);
  const parts = new Float64Array(slotOf.size + 1).fill(-cost.fnWeight);
  parts[0] = 0;
  const slots = scorable.map((p) => (p.windowName === null ? 0 : slotOf.get(p.windowName)!));
  let tn = 0;
  let fn = 0;
  for (const p of scorable) {
    if (p.windowName === null) tn++;
    else fn++;
  }
  let tp = 0;
  let fp = 0;
  let threshold = 1.1;
  const out: ThresholdScore[] = [];
  const save = (): void => {
    // Python's sum(): 0 + parts in order.
    let score = 0;
    for (let k = 0; k < parts.length; k++) score += parts[k]!;
    out.push({ threshold, score, tp, tn, fp, fn, total: tp + tn + fp + fn });
  };
  for (let i = 0; i < scorable.length; i++) {
    const p = scorable[i]!;
    if (p.anomalyScore !== threshold) {
      save();
      threshold = p.anomalyScore;
    }
    const slot = slots[i]!;
    if (slot === 0) {
      fp++;
      tn--;
      parts[0] = parts[0]! + p.sweepScore;
    } else {
      tp++;
      fn--;
      parts[slot] = Math.max(parts[slot]!, p.sweepScore);
    }
  }
  save();
  return out;
}
