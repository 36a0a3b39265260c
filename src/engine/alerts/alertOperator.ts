/**
 * The alert sink's operator: evaluates the rule (`when`) on each batch, groups
 * matching records into one alert per burst and key, and resolves alerts by
 * event time. It emits no batches: each time an alert opens, grows or
 * resolves it hands that alert's row to the host (OperatorContext.results),
 * which treats them as this sink's results, as a table sink's rows.
 */
import { columnOf, readCell, type Batch, type Column, type Field } from '../batch';
import type { CompiledExpression } from '../expr';
import { selectRows, selectRowsWithin } from '../expr';
import { heldNumber, snapshotMethods } from '../snapshot/operatorState';
import type { Operator, OperatorContext, ResultRow } from '../operators/types';
import { ANOMALY_REASON_FIELD, ANOMALY_SCORE_FIELD } from '../../model';
import { alertRow, createAlertState, matchRecord, resolveIfQuiet, type AlertRules, type KeyAlert } from './alertState';

export interface AlertSinkConfig extends AlertRules {
  readonly when: CompiledExpression;
  /** The key fields when the input is keyed (batches then carry key ids), else null. */
  readonly keyFields: readonly Field[] | null;
}

/** The rows `rows` (or all) where the rule holds, ascending. */
function matching(when: CompiledExpression, batch: Batch, rows: Int32Array | null): Int32Array {
  if (when.select !== undefined) {
    const picked = when.select(batch, rows);
    return picked ?? rows ?? Int32Array.from({ length: batch.length }, (_, i) => i);
  }
  const mask = when.evaluate(batch);
  if (rows === null) return selectRows(mask, batch.length) ?? Int32Array.from({ length: batch.length }, (_, i) => i);
  return selectRowsWithin(mask, rows);
}

export function createAlertOperator(config: AlertSinkConfig, ctx: OperatorContext): Operator {
  const st = createAlertState();
  const rules: AlertRules = { sinkId: config.sinkId, severity: config.severity, cooldownMs: config.cooldownMs, resolveAfterMs: config.resolveAfterMs };
  // Open alerts, and a lower bound of the earliest time one of them may resolve at (so most rows cost one comparison).
  let openCount = 0;
  let deadline = Infinity;
  let out: ResultRow[] = [];

  function emitAlert(a: KeyAlert): void {
    out.push(alertRow(rules, a));
  }

  /** Resolves every open alert the watermark has passed the quiet time of. */
  function advance(watermark: number): void {
    if (openCount === 0 || watermark < deadline) return;
    let next = Infinity;
    for (const a of st.byKey.values()) {
      if (!a.open) continue;
      if (resolveIfQuiet(rules, a, watermark)) {
        openCount--;
        emitAlert(a);
      } else next = Math.min(next, a.last + rules.resolveAfterMs);
    }
    deadline = next;
  }

  function process(batch: Batch, rows: Int32Array | null): void {
    const hits = matching(config.when, batch, rows);
    const keys = config.keyFields === null ? null : batch.keys;
    const keyColumns = config.keyFields === null ? [] : config.keyFields.map((f) => columnOf(batch.columns, f.name));
    const score = columnOf(batch.columns, ANOMALY_SCORE_FIELD);
    const reason = columnOf(batch.columns, ANOMALY_REASON_FIELD);
    const scores = score !== undefined && score.type === 'number' ? score.values : null;
    const reasons = reason !== undefined && reason.type === 'string' ? reason : null;
    const { time, watermark } = batch;
    const n = rows === null ? batch.length : rows.length;
    let h = 0;
    for (let j = 0; j < n; j++) {
      const i = rows === null ? j : rows[j]!;
      advance(watermark[i]!);
      const keyId = keys === null ? 0 : keys[i]!;
      const t = time[i]!;
      // A later record of the key says the key was quiet until it, even before the watermark does.
      if (openCount > 0) {
        const a = st.byKey.get(keyId);
        if (a !== undefined && resolveIfQuiet(rules, a, t)) {
          openCount--;
          emitAlert(a);
        }
      }
      if (h >= hits.length || hits[h] !== i) continue;
      h++;
      const s = scores === null ? -Infinity : scores[i]!;
      const why = reasons === null ? '' : String(readCell(reasons, i) ?? '');
      const wasOpen = st.byKey.get(keyId)?.open === true;
      matchRecord(rules, st.byKey, keyId, () => keyText(keyColumns, i), t, Number.isNaN(s) ? -Infinity : s, why === '' ? `${config.when.source} holds` : why);
      const a = st.byKey.get(keyId)!;
      if (!wasOpen) openCount++;
      deadline = Math.min(deadline, a.last + rules.resolveAfterMs);
      emitAlert(a);
    }
    advance(batch.endWatermark);
    if (out.length > 0) {
      const rowsOut = out;
      out = [];
      ctx.results?.(rowsOut);
    }
  }

  return {
    ...snapshotMethods({ st }, [], {
      openCount: heldNumber(() => openCount, (v) => { openCount = v; }),
      // Infinity is not JSON, but snapshots are structured clones; 0 is a safe lower bound after a restore too.
      deadline: heldNumber(() => deadline, (v) => { deadline = v; }),
    }),
    push(batch: Batch): void {
      process(batch, null);
    },
    pushSelected(batch: Batch, rows: Int32Array): void {
      process(batch, rows);
    },
    stats() {
      return { keys: st.byKey.size, openWindows: openCount, lateEvents: 0 };
    },
  };
}

function keyText(columns: readonly (Column | undefined)[], row: number): string {
  return columns.map((c) => (c === undefined ? '' : String(readCell(c, row) ?? ''))).join(', ');
}
