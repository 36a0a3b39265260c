/**
 * The alert sink's plain-data state and the rules that move it: which alert
 * a matching record joins, when an open alert resolves. Plain objects, Maps
 * and numbers only, so snapshots capture it without registered classes.
 */
import type { AlertRow, AlertSeverity } from '../../model';

/** A key's latest alert (only the latest matters: older ones are resolved for good). */
export interface KeyAlert {
  /** The key's values joined by ', '. */
  key: string;
  /** How many alerts this key has raised (the latest's number). */
  seq: number;
  open: boolean;
  first: number;
  last: number;
  count: number;
  /** -Infinity while no record carried a score. */
  maxScore: number;
  reason: string;
  /** Event time it resolved at; NaN while open. */
  resolvedAt: number;
}

export interface AlertRules {
  readonly sinkId: string;
  readonly severity: AlertSeverity;
  readonly cooldownMs: number;
  readonly resolveAfterMs: number;
}

/** Plain-data state: each key's latest alert, by key id (0 for an unkeyed stream). */
export interface AlertState {
  readonly byKey: Map<number, KeyAlert>;
}

export function createAlertState(): AlertState {
  return { byKey: new Map() };
}

/** The row an alert's current state is shown as. */
export function alertRow(rules: AlertRules, a: KeyAlert): AlertRow & Record<string, string | number | null> {
  const row = Object.create(null) as AlertRow & Record<string, string | number | null>;
  return Object.assign(row, {
    alert_id: `${rules.sinkId}:${a.key}:${a.seq}`,
    sink: rules.sinkId,
    key: a.key,
    severity: rules.severity,
    status: a.open ? 'open' : 'resolved',
    first_time: a.first,
    last_time: a.last,
    count: a.count,
    resolved_time: a.open ? null : a.resolvedAt,
    max_score: a.maxScore === -Infinity ? null : a.maxScore,
    reason: a.reason,
  } satisfies AlertRow);
}

/** Resolves `a` if its key has been normal for resolveAfter by event time `time` (a watermark, or a later record of its key). */
export function resolveIfQuiet(rules: AlertRules, a: KeyAlert, time: number): boolean {
  if (!a.open || time < a.last + rules.resolveAfterMs) return false;
  a.open = false;
  a.resolvedAt = a.last + rules.resolveAfterMs;
  return true;
}

/** What a matching record did to its key's alerts. */
export const OPENED = 0;
export const GREW = 1;

/**
 * A matching record at event time `time`: it joins the key's latest alert
 * while that is open, or (resolved) while `time` is within the cool-down
 * after its last anomalous record, which reopens it; otherwise it opens
 * the key's next alert. Call resolveIfQuiet with `time` first.
 */
export function matchRecord(rules: AlertRules, byKey: Map<number, KeyAlert>, keyId: number, keyText: () => string, time: number, score: number, reason: string): typeof OPENED | typeof GREW {
  const a = byKey.get(keyId);
  if (a !== undefined && (a.open || time < a.last + rules.cooldownMs)) {
    a.open = true;
    a.resolvedAt = NaN;
    a.count++;
    if (time < a.first) a.first = time;
    if (time >= a.last) {
      a.last = time;
      a.reason = reason;
    }
    if (score > a.maxScore) a.maxScore = score;
    return GREW;
  }
  const seq = a === undefined ? 1 : a.seq + 1;
  byKey.set(keyId, { key: a?.key ?? keyText(), seq, open: true, first: time, last: time, count: 1, maxScore: score, reason, resolvedAt: NaN });
  return OPENED;
}
