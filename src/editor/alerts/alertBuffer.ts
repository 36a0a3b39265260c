/**
 * The alerts of one alert sink (`sink.alert`) during a run: the rows it
 * emits as alerts open, grow and resolve (src/model/alerts.ts), kept as the
 * newest row per `alert_id`, which is that alert's state.
 */
import { cellAt, columnOf, type Cell } from '../../charts/cells';
import { Notifier } from '../../charts/notifier';
import { ALERT_ROW_FIELDS, ALERT_SEVERITIES, ALERT_STATUSES, type AlertRow, type AlertSeverity, type AlertStatus } from '../../model';
import type { ChunkColumn, ResultChunk } from '../../worker/protocol';

/**
 * The most alerts a buffer keeps. Past it, the alert resolved longest ago
 * goes first (an open one only when none is resolved): a storm of alerts must
 * not grow the page without bound, and open alerts are what a user acts on.
 */
export const MAX_ALERTS = 5000;

const SEVERITIES: ReadonlySet<string> = new Set(ALERT_SEVERITIES);
const STATUSES: ReadonlySet<string> = new Set(ALERT_STATUSES);

const text = (c: Cell): string => (c === null ? '' : String(c));
const num = (c: Cell): number | null => (typeof c === 'number' && Number.isFinite(c) ? c : null);

/** Row `row` of the chunk's alert columns as an AlertRow, or null when it is not one (a status or severity it does not know, no id). */
export function alertRowAt(columns: ReadonlyMap<string, ChunkColumn>, row: number): AlertRow | null {
  const cell = (name: keyof AlertRow): Cell => {
    const column = columns.get(name);
    return column === undefined ? null : cellAt(column, row);
  };
  const id = text(cell('alert_id'));
  const severity = text(cell('severity'));
  const status = text(cell('status'));
  const first = num(cell('first_time'));
  const last = num(cell('last_time'));
  if (id === '' || !SEVERITIES.has(severity) || !STATUSES.has(status) || first === null || last === null) return null;
  return {
    alert_id: id,
    sink: text(cell('sink')),
    key: text(cell('key')),
    severity: severity as AlertSeverity,
    status: status as AlertStatus,
    first_time: first,
    last_time: last,
    count: num(cell('count')) ?? 0,
    resolved_time: num(cell('resolved_time')),
    max_score: num(cell('max_score')),
    reason: text(cell('reason')),
  };
}

/** An alert sink's alerts by id, newest state each; fed chunk by chunk from the results bus. */
export class AlertBuffer extends Notifier {
  private byId = new Map<string, AlertRow>();
  private openCount = 0;

  ingest(chunk: ResultChunk): void {
    if (chunk.length === 0) return;
    const columns = new Map<string, ChunkColumn>();
    for (const name of ALERT_ROW_FIELDS) {
      const column = columnOf(chunk, name);
      if (column !== undefined) columns.set(name, column);
    }
    for (let row = 0; row < chunk.length; row++) {
      const alert = alertRowAt(columns, row);
      if (alert !== null) this.put(alert);
    }
    this.changed();
  }

  private put(alert: AlertRow): void {
    const old = this.byId.get(alert.alert_id);
    if (old?.status === 'open') this.openCount--;
    // Re-inserted: the map's order is the order alerts last changed, which eviction reads.
    this.byId.delete(alert.alert_id);
    this.byId.set(alert.alert_id, alert);
    if (alert.status === 'open') this.openCount++;
    if (this.byId.size > MAX_ALERTS) this.evict();
  }

  private evict(): void {
    let victim: AlertRow | undefined;
    for (const a of this.byId.values()) {
      if (a.status === 'resolved') {
        victim = a;
        break;
      }
    }
    victim ??= this.byId.values().next().value!;
    this.byId.delete(victim.alert_id);
    if (victim.status === 'open') this.openCount--;
  }

  clear(): void {
    this.byId = new Map();
    this.openCount = 0;
    this.changed();
  }

  /** Every alert's newest state, in the order they last changed. */
  alerts(): readonly AlertRow[] {
    return [...this.byId.values()];
  }

  /** Alerts open now. */
  open(): number {
    return this.openCount;
  }

  get size(): number {
    return this.byId.size;
  }
}
