/** Assembling RowBlocks from the generator's raw rows. */
import { internString, newColumns, type Field, type RowBlock, type StringDict } from '../../batch';
import type { RowSink, StreamField } from './types';

/** Raw rows for a block: string fields hold stream ids until {@link finishBlock} turns them into codes. */
export function allocateRows(fields: readonly StreamField[], length: number): RowSink {
  const num: Float64Array[] = [];
  const ids: Int32Array[] = [];
  for (const f of fields) {
    if (f.type === 'number') num.push(new Float64Array(length));
    else ids.push(new Int32Array(length));
  }
  return { ts: new Float64Array(length), num, ids };
}

/** The first `length` rows of `rows`, as views of its arrays. */
export function headRows(rows: RowSink, length: number): RowSink {
  return {
    ts: rows.ts.subarray(0, length),
    num: rows.num.map((a) => a.subarray(0, length)),
    ids: rows.ids.map((a) => a.subarray(0, length)),
  };
}

/** The fields of a stream as the engine sees them: `ts` first. */
export function streamFields(fields: readonly StreamField[]): Field[] {
  return [{ name: 'ts', type: 'time' }, ...fields.map((f): Field => ({ name: f.name, type: f.type }))];
}

/**
 * Replaces ids by dictionary codes in place and wraps the rows as a block. Each
 * id's label is built and interned once, the first time the id is delivered, so
 * dictionaries grow in delivery order whatever the block sizes.
 */
export function finishBlock(
  fields: readonly StreamField[],
  rows: RowSink,
  codes: readonly Int32Array[],
  dicts: readonly StringDict[],
): RowBlock {
  const columns = newColumns();
  columns['ts'] = { type: 'time', values: rows.ts };
  let n = 0;
  let s = 0;
  for (const f of fields) {
    if (f.type === 'number') {
      columns[f.name] = { type: 'number', values: rows.num[n++]! };
      continue;
    }
    const column = rows.ids[s]!;
    const codeOf = codes[s]!;
    const dict = dicts[s]!;
    s++;
    for (let r = 0; r < column.length; r++) {
      const id = column[r]!;
      let code = codeOf[id]!;
      if (code < 0) {
        code = internString(dict, f.label(id));
        codeOf[id] = code;
      }
      column[r] = code;
    }
    columns[f.name] = { type: 'string', codes: column, dict };
  }
  return { length: rows.ts.length, time: rows.ts, columns };
}
