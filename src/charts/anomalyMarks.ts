/**
 * Anomalous points on a chart: records that reach a chart sink with
 * `is_anomaly` true (a detector's output, or any boolean of that name) are
 * marked where they are drawn, and their `anomaly_reason` and
 * `anomaly_score` read in the tooltip and the legend.
 */
import { ANOMALY_REASON_FIELD, ANOMALY_SCORE_FIELD, IS_ANOMALY_FIELD } from '../model/detectorFields';
import type { ChunkColumn, ResultChunk } from '../worker/protocol';
import { columnOf, numberAt } from './cells';

/** Why a point is anomalous: the detector's score (null when the rows carry none) and its sentence. */
export interface Anomaly {
  readonly score: number | null;
  readonly reason: string;
}

/** A marked point as drawn: its series' key, where it is, and why. */
export interface AnomalyMark extends Anomaly {
  readonly key: string;
  readonly x: number;
  readonly y: number;
}

/** Reads a chunk's anomaly fields; `at` is undefined for a row that is not anomalous. */
export interface AnomalyReader {
  at(row: number): Anomaly | undefined;
}

const NONE: AnomalyReader = { at: () => undefined };

function isTrue(column: ChunkColumn, row: number): boolean {
  // A boolean column, as detectors emit; a number column (1/0) from a map that computed it as arithmetic.
  if (column.type === 'boolean') return column.values[row] === 1;
  if (column.type === 'number') return column.values[row] === 1;
  return false;
}

/** The anomaly reader of `chunk`: a no-op when its rows have no `is_anomaly`. */
export function anomalyReader(chunk: ResultChunk): AnomalyReader {
  const flag = columnOf(chunk, IS_ANOMALY_FIELD);
  if (flag === undefined) return NONE;
  const score = columnOf(chunk, ANOMALY_SCORE_FIELD);
  const reason = columnOf(chunk, ANOMALY_REASON_FIELD);
  return {
    at(row) {
      if (!isTrue(flag, row)) return undefined;
      const text = reason?.type === 'string' ? (reason.values[row] ?? '') : '';
      return { score: numberAt(score, row), reason: text };
    },
  };
}

/** How a mark reads in a tooltip or the legend: its reason, then its score when it has one. */
export function describeAnomaly(anomaly: Anomaly): string {
  const reason = anomaly.reason === '' ? 'anomaly' : anomaly.reason;
  return anomaly.score === null ? reason : `${reason} (score ${anomaly.score.toFixed(2)})`;
}
