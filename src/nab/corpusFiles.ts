import { column, parseNabCsv } from './csv';
import type { NabWindow, ScoredFile } from './types';

/**
 * A NAB result file (`timestamp,value,anomaly_score,label[,S(t)_...]`) or any CSV with
 * timestamp and anomaly_score columns, as a ScoredFile for `path`'s windows. Every window
 * edge must be one of the file's timestamps, as NAB's labeler insists.
 */
export function scoredFileFromCsv(text: string, path: string, windows: readonly NabWindow[], name = path): ScoredFile {
  const table = parseNabCsv(text, name);
  const timestamps = column(table, 'timestamp', name);
  const scores = column(table, 'anomaly_score', name).map((cell, i) => {
    const v = Number(cell);
    if (cell.trim() === '' || !Number.isFinite(v) || v < 0 || v > 1) throw new Error(`${name}: row ${i + 1} anomaly_score ${JSON.stringify(cell)} is not a number in [0, 1]`);
    return v;
  });
  checkWindows(timestamps, windows, name);
  return { path, timestamps, scores, windows };
}

export function checkWindows(timestamps: readonly string[], windows: readonly NabWindow[], name: string): void {
  const present = new Set(timestamps);
  for (const w of windows) {
    for (const t of [w.start, w.end]) {
      if (!present.has(t)) throw new Error(`${name}: window edge ${t} is not one of the file's timestamps`);
    }
  }
}
