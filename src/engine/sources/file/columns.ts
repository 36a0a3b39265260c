/** Filling typed columns from the rows that were kept. */
import { createStringDict, newColumns, internString, type Field, type RowBlock } from '../../batch';
import { inferType } from './infer';
import type { RawRow } from './types';
import { isEmpty, toBoolean, toNumber, toText } from './values';

function* cellsOf(rows: readonly RawRow[], column: number): Generator<RawRow['cells'][number] | undefined> {
  for (const row of rows) yield row.cells[column];
}

/** Builds the block: the event-time column is `time` (sharing the block's time array), the others inferred. */
export function buildBlock(
  names: readonly string[],
  rows: readonly RawRow[],
  timeColumn: number,
  time: Float64Array,
): { block: RowBlock; fields: Field[] } {
  const fields: Field[] = [];
  const columns = newColumns();
  names.forEach((name, c) => {
    if (c === timeColumn) {
      fields.push({ name, type: 'time' });
      columns[name] = { type: 'time', values: time };
      return;
    }
    const type = inferType(cellsOf(rows, c));
    fields.push({ name, type });
    if (type === 'number') {
      columns[name] = { type, values: Float64Array.from(rows, (row) => toNumber(row.cells[c])) };
    } else if (type === 'boolean') {
      // Contract: a missing boolean reads as 0.
      columns[name] = { type, values: Uint8Array.from(rows, (row) => Math.max(0, toBoolean(row.cells[c]))) };
    } else {
      const dict = createStringDict();
      const codes = Int32Array.from(rows, (row) => {
        const value = row.cells[c];
        return isEmpty(value) ? -1 : internString(dict, toText(value));
      });
      columns[name] = { type, codes, dict };
    }
  });
  return { block: { length: rows.length, time, columns }, fields };
}
