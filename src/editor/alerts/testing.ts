import type { AlertRow } from '../../model';

/** An alert row for tests: an open warning for key m1 unless `over` says otherwise. */
export function alertRow(over: Partial<AlertRow> = {}): AlertRow {
  return { alert_id: 'alerts:m1:1', sink: 'alerts', key: 'm1', severity: 'warning', status: 'open', first_time: 1000, last_time: 1000, count: 1, resolved_time: null, max_score: 0.9, reason: 'high', ...over };
}
