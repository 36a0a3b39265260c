/** How the what-if view words windows, values and first results. */
import { formatDateTime, formatNumber, formatTime } from '../../charts/format';
import type { Cell, WindowDiff, WindowOutcome } from '../../engine/compare/types';

export const cellText = (v: Cell | undefined): string => (v === undefined || v === null ? '—' : typeof v === 'number' ? formatNumber(v) : String(v));

/** "[2023-11-14 22:13:00.000, 22:14:00.000)": the end without its date when it is the start's. */
export function windowText(d: Pick<WindowDiff, 'start' | 'end'>): string {
  const start = formatDateTime(d.start);
  const end = formatDateTime(d.end);
  return `[${start}, ${end.slice(0, 10) === start.slice(0, 10) ? formatTime(d.end) : end})`;
}

/** "+80 ms, after 272 events" or "at the end of the input". */
export function firstResultText(o: WindowOutcome | null): string {
  if (o === null) return '—';
  if (o.firstLagMs === null) return 'at the end of the input';
  const lag = Math.abs(o.firstLagMs) >= 1000 ? `${formatNumber(o.firstLagMs / 1000)} s` : `${o.firstLagMs} ms`;
  return `+${lag}, after ${o.firstAfterEvents.toLocaleString('en')} events`;
}

/** The aggregates of an outcome, "payments 6, total 779.84"; the changed ones first when given. */
export function valuesText(o: WindowOutcome | null): string {
  if (o === null) return 'no window';
  return Object.entries(o.values).map(([k, v]) => `${k} ${cellText(v)}`).join(', ');
}

/** What kind of difference a window is, for its row's class and label. */
export function diffKind(d: WindowDiff): 'onlyA' | 'onlyB' | 'changed' | 'timing' {
  if (d.b === null) return 'onlyA';
  if (d.a === null) return 'onlyB';
  return d.changedFields.length > 0 ? 'changed' : 'timing';
}
