/** One row of a batch as a previewed record (no prototype: field names are data). */
import { readCell, type Batch } from '../../engine/batch';
import type { PreviewRecord } from '../protocol';

export function recordAt(batch: Batch, row: number): PreviewRecord {
  const record = Object.create(null) as Record<string, string | number | boolean | null>;
  for (const name of Object.keys(batch.columns)) record[name] = readCell(batch.columns[name]!, row);
  return record;
}

/** The index of the `k`-th row a tap was given (`rows`: the selection, or null for all). */
export const rowOf = (rows: Int32Array | null, k: number): number => (rows === null ? k : rows[k]!);
