/**
 * A batch's arrays copied: for what a tap or trace listener keeps past the
 * call, since the engine writes its next batch into the same arrays once no
 * tap keeps batches (RuntimeHost.tapKeepsBatches) and a trace's batch is
 * valid during the call only (RowsTraceEvent).
 */
import { newColumns, type Batch, type Column } from '../engine/batch';

function copyColumn(c: Column): Column {
  // Dictionaries only grow, so codes copied now keep meaning what they meant.
  if (c.type === 'string') return { type: 'string', codes: c.codes.slice(), dict: c.dict };
  if (c.type === 'boolean') return { type: 'boolean', values: c.values.slice() };
  return { type: c.type, values: c.values.slice() };
}

export function ownBatch(batch: Batch): Batch {
  const columns = newColumns();
  for (const name of Object.keys(batch.columns)) columns[name] = copyColumn(batch.columns[name]!);
  return {
    length: batch.length, time: batch.time.slice(), watermark: batch.watermark.slice(), endWatermark: batch.endWatermark,
    keys: batch.keys === null ? null : batch.keys.slice(), keyBound: batch.keyBound, columns,
  };
}
