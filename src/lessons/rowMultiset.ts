/**
 * Rows compared as multisets: how many of one list are missing from the
 * other and how many come more often, whatever their order.
 */
import type { Row } from '../engine/operators/sinks';

/** A row's identity: its fields in order with their values (field names are data, never keys of a plain object). */
function rowKey(row: Row): string {
  return JSON.stringify(Object.keys(row).map((field) => [field, row[field]]));
}

function tally(rows: readonly Row[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = rowKey(row);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface RowDifference {
  /** Rows of `got` beyond their count in `want` (duplicates, or rows `want` lacks). */
  readonly extra: number;
  /** Rows of `want` beyond their count in `got`. */
  readonly missing: number;
}

/** How `got` differs from `want` as multisets of rows. */
export function differenceOfRows(got: readonly Row[], want: readonly Row[]): RowDifference {
  const a = tally(got);
  const b = tally(want);
  let extra = 0;
  let missing = 0;
  for (const [key, n] of a) extra += Math.max(0, n - (b.get(key) ?? 0));
  for (const [key, n] of b) missing += Math.max(0, n - (a.get(key) ?? 0));
  return { extra, missing };
}
