import type { Batch } from '../batch';
import { gatherBatch } from '../batchOps';
import type { OperatorContext, OutPort } from './types';

/** Emits rows `rows` of `batch` as a selection when the host routes selections, else as a gathered batch. */
export function emitRows(ctx: OperatorContext, port: OutPort, batch: Batch, rows: Int32Array): void {
  if (ctx.emitSelected !== undefined) ctx.emitSelected(port, batch, rows);
  else ctx.emit(port, gatherBatch(batch, rows));
}
