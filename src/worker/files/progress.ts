/**
 * Rates for the progress bar: rows per second and the time left, from
 * samples of a source's progress taken when the page asks (a few times a
 * second). The rate is over the last RATE_WINDOW_MS, so a pause or a
 * slower speed shows soon.
 */
import type { FileProgress } from '../../engine/sources/file/stream/types';
import type { FileProgressReport } from './api';

/** How far back the rate looks. */
export const RATE_WINDOW_MS = 2000;

interface Sample {
  readonly at: number;
  readonly bytes: number;
  readonly rows: number;
}

export interface ProgressMeter {
  /** The report of `progress` as of `now` (epoch ms); keeps a sample for the rate. */
  report(progress: FileProgress, now: number): FileProgressReport;
}

export function createProgressMeter(): ProgressMeter {
  const samples: Sample[] = [];
  return {
    report(progress, now) {
      const rowsAll = progress.rows + progress.badRows;
      // A travel back re-reads: older samples ahead of this one mean nothing now.
      while (samples.length > 0 && samples[samples.length - 1]!.bytes > progress.bytesRead) samples.pop();
      samples.push({ at: now, bytes: progress.bytesRead, rows: rowsAll });
      while (samples.length > 2 && now - samples[1]!.at >= RATE_WINDOW_MS) samples.shift();
      const first = samples[0]!;
      const seconds = (now - first.at) / 1000;
      const rowsPerSecond = seconds > 0 ? (rowsAll - first.rows) / seconds : null;
      const bytesPerSecond = seconds > 0 ? (progress.bytesRead - first.bytes) / seconds : 0;
      const left = progress.totalBytes === null ? null : Math.max(0, progress.totalBytes - progress.bytesRead);
      const secondsLeft = progress.done ? 0 : left === null || bytesPerSecond <= 0 ? null : left / bytesPerSecond;
      return {
        bytesRead: progress.bytesRead,
        totalBytes: progress.totalBytes,
        rows: progress.rows,
        badRows: progress.badRows,
        rowsPerSecond: progress.done ? null : rowsPerSecond,
        secondsLeft,
        done: progress.done,
      };
    },
  };
}
