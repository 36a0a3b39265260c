/**
 * What an alert sink (`sink.alert`) emits: one row each time an alert opens,
 * grows (another anomalous record of the same burst) or resolves. Rows of one
 * alert share `alert_id`; the newest row of an id is that alert's state. The
 * app's Alerts tab, the CLI's `--alerts FILE` (NDJSON) and webhooks all carry
 * these rows unchanged, so this is their one contract.
 */
import type { AlertSeverity } from './schema/alert';

export const ALERT_STATUSES = ['open', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface AlertRow {
  /** Unique within a run: the sink's id, the key and the alert's number for that key, e.g. "alerts:m-7:3". */
  readonly alert_id: string;
  /** The sink node that raised it. */
  readonly sink: string;
  /** The key's values joined by ', ' ('' for an unkeyed stream). */
  readonly key: string;
  readonly severity: AlertSeverity;
  readonly status: AlertStatus;
  /** Event time (epoch ms) of the first and the latest anomalous record of the burst. */
  readonly first_time: number;
  readonly last_time: number;
  /** Anomalous records in the burst so far. */
  readonly count: number;
  /** Event time (epoch ms) at which it resolved; null while open. */
  readonly resolved_time: number | null;
  /** The highest anomaly_score in the burst (null when the records carry none). */
  readonly max_score: number | null;
  /** The latest anomalous record's anomaly_reason, or the rule that matched. */
  readonly reason: string;
}

/** The field names of {@link AlertRow}, in the order tables and CSV show them. */
export const ALERT_ROW_FIELDS = ['alert_id', 'sink', 'key', 'severity', 'status', 'first_time', 'last_time', 'count', 'resolved_time', 'max_score', 'reason'] as const satisfies readonly (keyof AlertRow)[];
