/** What the Alerts tab shows of a set of alerts: the counts per severity and per key, and their order. */
import { ALERT_SEVERITIES, type AlertRow, type AlertSeverity } from '../../model';

export interface Counts {
  open: number;
  resolved: number;
}

export interface KeyCounts extends Counts {
  readonly key: string;
  /** Anomalous records over all its alerts. */
  records: number;
  /** The highest score of any of its alerts, null when none carries one. */
  maxScore: number | null;
  /** The newest last_time of its alerts. */
  lastTime: number;
}

export interface AlertSummary {
  readonly total: Counts;
  /** Every severity, most serious first, with zero counts included (the tab's chips do not jump). */
  readonly bySeverity: readonly (Counts & { readonly severity: AlertSeverity })[];
  /** Keys with the most open alerts first, then the most alerts, then the most recent. */
  readonly byKey: readonly KeyCounts[];
}

const MOST_SERIOUS_FIRST: readonly AlertSeverity[] = [...ALERT_SEVERITIES].reverse();

export function summarise(alerts: readonly AlertRow[]): AlertSummary {
  const total: Counts = { open: 0, resolved: 0 };
  const severity = new Map<AlertSeverity, Counts>(MOST_SERIOUS_FIRST.map((s) => [s, { open: 0, resolved: 0 }]));
  // A Map: keys are data from the stream, "__proto__" included.
  const keys = new Map<string, KeyCounts>();
  for (const a of alerts) {
    total[a.status]++;
    severity.get(a.severity)![a.status]++;
    let k = keys.get(a.key);
    if (k === undefined) {
      k = { key: a.key, open: 0, resolved: 0, records: 0, maxScore: null, lastTime: -Infinity };
      keys.set(a.key, k);
    }
    k[a.status]++;
    k.records += a.count;
    if (a.max_score !== null && (k.maxScore === null || a.max_score > k.maxScore)) k.maxScore = a.max_score;
    if (a.last_time > k.lastTime) k.lastTime = a.last_time;
  }
  const byKey = [...keys.values()].sort((a, b) => b.open - a.open || b.open + b.resolved - (a.open + a.resolved) || b.lastTime - a.lastTime || (a.key < b.key ? -1 : 1));
  return { total, bySeverity: MOST_SERIOUS_FIRST.map((s) => ({ severity: s, ...severity.get(s)! })), byKey };
}

/** The columns the list sorts by: times of the burst. */
export type SortField = 'last_time' | 'first_time';
export interface SortOrder {
  readonly field: SortField;
  readonly newestFirst: boolean;
}

export type StatusFilter = 'all' | 'open' | 'resolved';

/** The alerts shown: those of `filter`, ordered by `order` (ties by alert id, so rows do not swap between refreshes). */
export function listAlerts(alerts: readonly AlertRow[], filter: StatusFilter, order: SortOrder): AlertRow[] {
  const sign = order.newestFirst ? -1 : 1;
  return alerts
    .filter((a) => filter === 'all' || a.status === filter)
    .sort((a, b) => sign * (a[order.field] - b[order.field]) || (a.alert_id < b.alert_id ? -1 : a.alert_id > b.alert_id ? 1 : 0));
}
