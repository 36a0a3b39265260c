import { readCell, type Batch, type Field } from '../batch';

export type KeyValue = string | number | boolean | null;

/** The key fields' values of every dense key id seen, captured once per key. */
export interface KeyTable {
  readonly fields: readonly Field[];
  readonly values: (KeyValue[] | undefined)[];
}

/** Creates an empty table for the given key fields (none for an unkeyed stream). */
export function createKeyTable(fields: readonly Field[]): KeyTable {
  return { fields, values: [] };
}

/** Records the key values of keys first seen in `batch`; returns the largest key id in it. */
export function captureKeys(table: KeyTable, batch: Batch): number {
  const keys = batch.keys;
  if (keys === null) {
    if (table.values[0] === undefined && batch.length > 0) table.values[0] = [];
    return 0;
  }
  let maxKey = 0;
  const values = table.values;
  for (let i = 0; i < batch.length; i++) {
    const k = keys[i]!;
    if (k > maxKey) maxKey = k;
    if (values[k] === undefined) {
      values[k] = table.fields.map((f) => {
        const column = batch.columns[f.name];
        return column === undefined ? null : readCell(column, i);
      });
    }
  }
  return maxKey;
}
