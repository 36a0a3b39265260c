import type { RunPhase, RunSpeed } from '../../worker/protocol';

/** A table is read, not watched: four refreshes a second keep it live. */
export const TABLE_REFRESH_MS = 250;
/**
 * While a run at Max pours rows in, two a second: each refresh restyles, lays
 * out and paints the rows in view, and at Max those refreshes were the page's
 * remaining long tasks (issue 15's 1 GB run).
 */
export const TABLE_REFRESH_POURING_MS = 500;

/**
 * How long a live table waits between refreshes. The wait only paces rows
 * arriving: a scroll re-renders the rows in view at once, and a change of
 * this answer (the run pausing, ending or leaving Max) refreshes the table in
 * the next frame (useFrameVersion shows the buffer's version a frame after its
 * interval changes: not in the frame that shows the run's new state).
 */
export function tableRefreshMs(phase: RunPhase, speed: RunSpeed): number {
  return phase === 'running' && speed === 'max' ? TABLE_REFRESH_POURING_MS : TABLE_REFRESH_MS;
}
