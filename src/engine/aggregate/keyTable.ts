import { columnOf, readCell, type Batch, type Field, type StringDict } from '../batch';
import { identityRows } from '../batchOps';

export type KeyValue = string | number | boolean | null;

/** The key fields' values of every dense key id seen, captured once per key. */
export class KeyTable {
  readonly values: (KeyValue[] | undefined)[] = [];
  /** How many entries of `values` are set: equal to its length when no id below the largest is missing. */
  captured = 0;
  /**
   * For a single string key field: the dictionary its values came in, and
   * each captured key's code in it, so results can name keys by those codes
   * instead of interning every key's string again (see the result writer).
   * `oneDict` turns false if a second dictionary ever shows up.
   */
  inputDict: StringDict | null = null;
  inputCodes: Int32Array = new Int32Array(0);
  oneDict = true;

  constructor(readonly fields: readonly Field[]) {}
}

/**
 * Creates an empty table for the given key fields (none for an unkeyed
 * stream). State objects that hot loops read are class instances, not object
 * literals: see FastRun (window/fastFold) for the V8 behaviour that costs.
 */
export function createKeyTable(fields: readonly Field[]): KeyTable {
  return new KeyTable(fields);
}

/** Records key k's code and dictionary, when the table has one string key field. */
function rememberCode(table: KeyTable, batch: Batch, i: number, k: number): void {
  const field = table.fields[0];
  if (table.fields.length !== 1 || field?.type !== 'string') return;
  const column = columnOf(batch.columns, field.name);
  if (column?.type !== 'string') {
    table.oneDict = false;
    return;
  }
  if (table.inputDict === null) table.inputDict = column.dict;
  else if (table.inputDict !== column.dict) table.oneDict = false;
  if (k >= table.inputCodes.length) {
    const grown = new Int32Array(Math.max(k + 1, 2 * table.inputCodes.length, 64));
    grown.set(table.inputCodes);
    table.inputCodes = grown;
  }
  table.inputCodes[k] = column.codes[i]!;
}

/**
 * The largest key id in the whole column (0 when there is none), selected rows
 * or not: a bound on the selected rows' ids that costs a straight scan instead
 * of one through the selection. Ids of rows outside a selection are ids too
 * (keyBy's, or 0), so the bound only ever errs on the side of room.
 */
function maxKeyOf(keys: Int32Array): number {
  let max = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k > max) max = k;
  }
  return max;
}

/**
 * Records the key values of keys first seen among rows `rows` of `batch`
 * (every row by default); returns an upper bound of their key ids (the
 * largest id in the batch's key column), for sizing per-key state.
 */
export function captureKeys(table: KeyTable, batch: Batch, rows: Int32Array = identityRows(batch.length)): number {
  const keys = batch.keys;
  if (keys === null) {
    if (table.values[0] === undefined && rows.length > 0) {
      table.values[0] = [];
      table.captured++;
    }
    return 0;
  }
  const maxKey = batch.keyBound !== undefined ? Math.max(0, batch.keyBound - 1) : maxKeyOf(keys);
  const values = table.values;
  // Once every key has been seen, a batch costs one pass for the maximum and no per-row lookups.
  if (maxKey < values.length && table.captured === values.length) return maxKey;
  // Ids below `known` are all captured when there are no gaps: only larger ones need a look-up.
  const known = table.captured === values.length ? values.length : 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = keys[i]!;
    if (k >= known && values[k] === undefined) {
      values[k] = keyValuesOf(table, batch, i);
      rememberCode(table, batch, i, k);
      // Keys trickle in for a long time (rare ones); the rest of the batch need not be searched once all are in.
      if (++table.captured === maxKey + 1 && values.length === maxKey + 1) break;
    }
  }
  return maxKey;
}

/**
 * Row i's key values. A function of its own, not a closure in the loop
 * above: a closure over the loop's row index made V8 allocate a context
 * for every row, taken or not, which cost more than the rest of the loop.
 */
function keyValuesOf(table: KeyTable, batch: Batch, i: number): KeyValue[] {
  const out: KeyValue[] = [];
  for (const f of table.fields) {
    const column = columnOf(batch.columns, f.name);
    out.push(column === undefined ? null : readCell(column, i));
  }
  return out;
}
