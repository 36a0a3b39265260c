/** How the Runs panel words a run: its state, times and durations. */
import type { RunFinalState, RunSummary } from './types';

export const STATE_NAMES: Readonly<Record<RunFinalState, string>> = {
  running: 'Running', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled', crashed: 'Crashed',
};

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const NUMBER = new Intl.NumberFormat('en-US');

/** "7 Dec 2026, 01:02:03" in the page's time zone. */
export function whenText(ms: number): string {
  return DATE_TIME.format(ms);
}

export function countText(n: number): string {
  return NUMBER.format(n);
}

/** "0.4 s", "12 s", "3 min 5 s", "2 h 4 min"; a run still running counts to `now`. */
export function durationText(run: Pick<RunSummary, 'startedAt' | 'endedAt'>, now: number): string {
  const ms = Math.max(0, (run.endedAt ?? now) - run.startedAt);
  if (ms < 10_000) return `${Math.round(ms / 100) / 10} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}
