import { columnOf, newColumns, type Batch, type Column, type RowBlock } from './batch';

/** Copies the rows at `indices` of one column into a new column. */
export function gatherColumn(column: Column, indices: Int32Array): Column {
  const n = indices.length;
  if (column.type === 'string') {
    const codes = new Int32Array(n);
    const src = column.codes;
    for (let i = 0; i < n; i++) codes[i] = src[indices[i]!]!;
    return { type: 'string', codes, dict: column.dict };
  }
  if (column.type === 'boolean') {
    const values = new Uint8Array(n);
    const src = column.values;
    for (let i = 0; i < n; i++) values[i] = src[indices[i]!]!;
    return { type: 'boolean', values };
  }
  return { type: column.type, values: gatherFloat64(column.values, indices) };
}

/** Copies `src[indices[i]]` into a new Float64Array. */
export function gatherFloat64(src: Float64Array, indices: Int32Array): Float64Array {
  const n = indices.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = src[indices[i]!]!;
  return out;
}

function gatherInt32(src: Int32Array, indices: Int32Array): Int32Array {
  const n = indices.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = src[indices[i]!]!;
  return out;
}

/** The rows of `batch` at `indices`, keeping the batch's end watermark. */
export function gatherBatch(batch: Batch, indices: Int32Array): Batch {
  const columns = newColumns();
  for (const name of Object.keys(batch.columns)) columns[name] = gatherColumn(batch.columns[name]!, indices);
  return {
    length: indices.length,
    time: gatherFloat64(batch.time, indices),
    watermark: gatherFloat64(batch.watermark, indices),
    endWatermark: batch.endWatermark,
    keys: batch.keys === null ? null : gatherInt32(batch.keys, indices),
    columns,
  };
}

/**
 * `batch`'s rows with other columns and key ids, as one object literal:
 * spreading a batch (`{ ...batch, keys }`) cost microseconds per batch once
 * batches of several shapes reached the same operator.
 */
export function withColumnsAndKeys(batch: Batch, columns: Readonly<Record<string, Column>>, keys: Int32Array | null, keyBound: number | undefined): Batch {
  return { length: batch.length, time: batch.time, columns, watermark: batch.watermark, endWatermark: batch.endWatermark, keys, keyBound };
}

const NO_TIMES = new Float64Array(0);
const NO_KEYS = new Int32Array(0);

/**
 * What gatherBatch(like, no rows) gives, made cheaply: a window emits an
 * empty late batch after every batch that moves its watermark, and gathering
 * one allocated a column per field each time. The empty columns are shared
 * (arrays of length 0 cannot be written) while the fields keep their types
 * and dictionaries, which on one edge they do: its schema is fixed.
 */
export function createEmptyBatches(): (like: Batch) => Batch {
  let columns = newColumns();
  let names: string[] | null = null;
  const same = (like: Readonly<Record<string, Column>>): boolean => {
    if (names === null) return false;
    for (const name of names) {
      const x = columns[name]!;
      const y = columnOf(like, name);
      if (y === undefined || x.type !== y.type || (x.type === 'string' && y.type === 'string' && x.dict !== y.dict)) return false;
    }
    return true;
  };
  return (like) => {
    if (!same(like.columns)) {
      columns = newColumns();
      names = Object.keys(like.columns);
      for (const name of names) columns[name] = gatherColumn(like.columns[name]!, NO_KEYS);
    }
    return { length: 0, time: NO_TIMES, watermark: NO_TIMES, endWatermark: like.endWatermark, keys: like.keys === null ? null : NO_KEYS, columns };
  };
}

/** Rows [from, to) of a block as views (no copy); dictionaries are shared. */
export function sliceRowBlock(block: RowBlock, from: number, to: number): RowBlock {
  const columns = newColumns();
  for (const name of Object.keys(block.columns)) {
    const c = block.columns[name]!;
    if (c.type === 'string') columns[name] = { type: 'string', codes: c.codes.subarray(from, to), dict: c.dict };
    else if (c.type === 'boolean') columns[name] = { type: 'boolean', values: c.values.subarray(from, to) };
    else columns[name] = { type: c.type, values: c.values.subarray(from, to) };
  }
  return { length: to - from, time: block.time.subarray(from, to), columns };
}

/** Shared, never written after creation: views of it are handed out, so growing makes a new array. */
let identity = new Int32Array(0);

/**
 * Rows 0..n-1 as a selection, so a dense batch and a selected one take the
 * same code path. The result is shared: read it, never write it.
 */
export function identityRows(n: number): Int32Array {
  if (identity.length < n) {
    identity = new Int32Array(Math.max(n, 2 * identity.length, 1024));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return identity.subarray(0, n);
}
