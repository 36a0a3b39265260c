import { columnOf, readCell, type Batch, type Column } from '../batch';
import { identityRows, withColumnsAndKeys } from '../batchOps';
import { snapshotMethods, type Held } from '../snapshot/operatorState';
import { emitRows } from './selection';
import type { Operator, OperatorContext } from './types';

/**
 * Plain-data state: first-seen order gives every distinct key a dense id. A
 * class, not an object literal: see FastRun (window/fastFold) for why.
 */
export class KeyByState {
  /** Single string field: dictionary code + 1 -> key id + 1 (0 = unseen), so a missing value (-1) has a slot. */
  byCode: Int32Array = new Int32Array(64);
  /** Single number or boolean field, or several fields (joined text). */
  readonly byValue = new Map<number | string, number>();
  count = 0;
}

/** Grows the code table to `need` slots; apart from assignByCode, whose loop must not deoptimise when a new run grows it again. */
function ensureCodeRoom(st: KeyByState, need: number): void {
  if (st.byCode.length >= need) return;
  const grown = new Int32Array(Math.max(need, st.byCode.length * 2));
  grown.set(st.byCode);
  st.byCode = grown;
}

/** Key ids of the rows `rows` by their string code: one table lookup per row. */
function assignByCode(st: KeyByState, column: Extract<Column, { type: 'string' }>, out: Int32Array, rows: Int32Array): void {
  const codes = column.codes;
  ensureCodeRoom(st, column.dict.values.length + 1);
  const table = st.byCode;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const slot = codes[i]! + 1;
    let id = table[slot]!;
    if (id === 0) id = table[slot] = ++st.count;
    out[i] = id - 1;
  }
}

function assignByValue(st: KeyByState, keyOf: (row: number) => number | string, out: Int32Array, rows: Int32Array): void {
  const map = st.byValue;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = keyOf(i);
    let id = map.get(k);
    if (id === undefined) {
      id = st.count++;
      map.set(k, id);
    }
    out[i] = id;
  }
}

/**
 * Partitions the stream by one or more fields: each distinct key gets a dense
 * id, so windows downstream keep their state in flat arrays indexed by key.
 */
export function createKeyByOperator(fields: readonly string[], ctx: OperatorContext): Operator & { state: KeyByState } {
  const st = new KeyByState();
  // A string key field must keep one dictionary for the life of the edge, so codes identify strings.
  let codeMode: boolean | null = null;

  /** Reused for selections, which are read only during their push (see Operator.pushSelected). */
  let buffer = new Int32Array(0);

  /**
   * Key ids for rows `rows` of the batch, in `keys`, as long as the batch.
   * Other rows are never read for their ids; in the reused buffer they hold
   * ids of earlier batches, which keeps them below the number of keys, so
   * they still bound the ids (see captureKeys).
   */
  function keysOf(batch: Batch, rows: Int32Array, keys: Int32Array): Int32Array {
    const columns = fields.map((f) => columnOf(batch.columns, f));
    const single = columns.length === 1 ? columns[0] : undefined;
    // Ids are given in row order of the selected rows only, exactly as for a gathered batch.
    if (codeMode === null && rows.length > 0) codeMode = single?.type === 'string';
    if (codeMode === true && single?.type === 'string') assignByCode(st, single, keys, rows);
    else if (single !== undefined && single.type !== 'string') {
      const values = single.values;
      assignByValue(st, (i) => values[i]!, keys, rows);
    } else {
      assignByValue(st, (i) => columns.map((c) => (c === undefined ? 'null' : JSON.stringify(readCell(c, i)))).join('\u0001'), keys, rows);
    }
    return keys;
  }

  const heldCodeMode: Held = {
    get: () => codeMode,
    set(value) {
      if (value !== null && typeof value !== 'boolean') throw new Error('snapshot: expected a key mode');
      codeMode = value;
    },
  };
  return {
    state: st,
    // Codes in byCode are the input dictionary's, which the snapshot restores too.
    ...snapshotMethods({ st }, [], { codeMode: heldCodeMode }),
    push(batch: Batch): void {
      const keys = keysOf(batch, identityRows(batch.length), new Int32Array(batch.length));
      ctx.emit('out', withColumnsAndKeys(batch, batch.columns, keys, st.count));
    },
    pushSelected(batch: Batch, rows: Int32Array): void {
      if (buffer.length < batch.length) buffer = new Int32Array(Math.max(batch.length, 2 * buffer.length));
      // A host that keeps emitted batches (a preview tap) gets keys of their own.
      const into = ctx.outputsKept === true ? new Int32Array(batch.length) : buffer.subarray(0, batch.length);
      const keys = keysOf(batch, rows, into);
      emitRows(ctx, 'out', withColumnsAndKeys(batch, batch.columns, keys, st.count), rows);
    },
  };
}
