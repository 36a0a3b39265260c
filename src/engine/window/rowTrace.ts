/**
 * The per-batch trace of a followed window node: which rows were late,
 * revised a fired window or fell between windows, as the operator's own row
 * loop decided (it lists them in a RowTracer while traced); every other row
 * was on time. Built once per batch and only while traced, so an untraced
 * run pays a null check on rare branches and nothing per row.
 */
import type { Batch } from '../batch';
import type { KeyTable, KeyValue } from '../aggregate/keyTable';
import { ROW_DROPPED, ROW_LATE, ROW_REVISION, type OperatorContext } from '../operators/types';

/** Rows a traced operator's loop set apart in the batch at hand (batch indices). */
export class RowTracer {
  revising: number[] = [];
  dropped: number[] = [];

  reset(): void {
    this.revising.length = 0;
    this.dropped.length = 0;
  }
}

/** A key's values as text: '' for an unkeyed window, one value as it is, several joined by ', '. */
export function keyText(values: readonly KeyValue[] | undefined): string {
  if (values === undefined) return '';
  return values.map((v) => (v === null ? 'null' : String(v))).join(', ');
}

/**
 * Emits the rows trace of `rows` of `batch`. `late` lists the late rows
 * (batch indices); `watermarkBefore` is the operator's watermark before the
 * batch; `now` is the arrival time for a processing-time window (its rows'
 * time, and now - 1 their watermark), null for event time.
 */
export function traceRows(
  ctx: OperatorContext, batch: Batch, rows: Int32Array, late: readonly number[], tracer: RowTracer,
  watermarkBefore: number, now: number | null, keyTable: KeyTable,
): void {
  const trace = ctx.trace;
  if (trace === null) return;
  const byRow = new Uint8Array(batch.length);
  for (const i of tracer.dropped) byRow[i] = ROW_DROPPED;
  for (const i of tracer.revising) byRow[i] = ROW_REVISION;
  for (const i of late) byRow[i] = ROW_LATE;
  const n = rows.length;
  const fates = new Uint8Array(n);
  const time = new Float64Array(n);
  const watermark = new Float64Array(n);
  const keys = new Int32Array(n);
  // The watermark a row is judged against is the largest one seen before it (the row loops' rule).
  let wm = watermarkBefore;
  for (let j = 0; j < n; j++) {
    const i = rows[j]!;
    fates[j] = byRow[i]!;
    const w = now === null ? batch.watermark[i]! : now - 1;
    if (w > wm) wm = w;
    watermark[j] = wm;
    time[j] = now === null ? batch.time[i]! : now;
    keys[j] = batch.keys === null ? 0 : batch.keys[i]!;
  }
  trace({ type: 'rows', nodeId: ctx.nodeId, batch, rows, fates, time, watermark, keys, keyText: (id) => keyText(keyTable.values[id]) });
}
