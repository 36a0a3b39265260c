/** Batches every kind of source makes the same way: empty columns, the final batch, a recycled watermark column. */
import type { Batch, Column, Field } from '../batch';
import { createStringDict, newColumns } from '../batch';

/** Columns of no rows for `fields` (strings in fresh dictionaries). */
export function emptyColumns(fields: readonly Field[]): Record<string, Column> {
  const columns = newColumns();
  for (const f of fields) {
    if (f.type === 'string') columns[f.name] = { type: 'string', codes: new Int32Array(0), dict: createStringDict() };
    else if (f.type === 'boolean') columns[f.name] = { type: 'boolean', values: new Uint8Array(0) };
    else columns[f.name] = { type: f.type, values: new Float64Array(0) };
  }
  return columns;
}

/** A batch of no rows with the final watermark (+Infinity), its strings in the dictionaries of `template`. */
export function finalBatchFrom(template: Record<string, Column>): Batch {
  const columns = newColumns();
  for (const [name, c] of Object.entries(template)) {
    if (c.type === 'string') columns[name] = { type: 'string', codes: new Int32Array(0), dict: c.dict };
    else if (c.type === 'boolean') columns[name] = { type: 'boolean', values: new Uint8Array(0) };
    else columns[name] = { type: c.type, values: new Float64Array(0) };
  }
  return { length: 0, time: new Float64Array(0), watermark: new Float64Array(0), endWatermark: Infinity, keys: null, columns };
}

/**
 * A watermark column a source writes batch after batch when told it may
 * recycle: a fresh Float64Array of a batch's length cost about 4 ns a row
 * here (new pages to fault in and zero), as much as filtering the row.
 */
export function reusedWatermarks(): (n: number) => Float64Array {
  let buffer = new Float64Array(0);
  return (n) => {
    if (buffer.length < n) buffer = new Float64Array(n);
    return buffer;
  };
}
