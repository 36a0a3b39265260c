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

export interface ResultDifference {
  /** Results (windows, or rows outside windows) in both runs whose rows differ. */
  readonly changed: number;
  /** Results only in `before`. */
  readonly disappeared: number;
  /** Results only in `after`. */
  readonly appeared: number;
}

/**
 * A result's identity: its window and key for a window's row (`keyFields`
 * are the windows' key fields), or the whole row for any other row.
 */
function resultKey(row: Row, keyFields: readonly string[]): string {
  const start = Object.hasOwn(row, 'window_start') ? row['window_start'] : undefined;
  const end = Object.hasOwn(row, 'window_end') ? row['window_end'] : undefined;
  if (typeof start !== 'number' || typeof end !== 'number') return `row ${rowKey(row)}`;
  const key = keyFields.filter((field) => Object.hasOwn(row, field)).map((field) => [field, row[field]]);
  return `window ${JSON.stringify([start, end, key])}`;
}

/** The rows of each result, as sorted row identities (a window's revisions, or a row's copies). */
function byResult(rows: readonly Row[], keyFields: readonly string[]): Map<string, string[]> {
  const results = new Map<string, string[]>();
  for (const row of rows) {
    const key = resultKey(row, keyFields);
    let list = results.get(key);
    if (list === undefined) results.set(key, (list = []));
    list.push(rowKey(row));
  }
  for (const list of results.values()) list.sort();
  return results;
}

/**
 * How the results of two runs differ, as a learner counts them: a window
 * whose rows changed counts once (not as one row missing and one extra), as
 * does a window or row that only one run has.
 */
export function differenceOfResults(before: readonly Row[], after: readonly Row[], keyFields: readonly string[]): ResultDifference {
  const a = byResult(before, keyFields);
  const b = byResult(after, keyFields);
  let changed = 0;
  let disappeared = 0;
  let appeared = 0;
  for (const [key, rows] of a) {
    const other = b.get(key);
    if (other === undefined) disappeared++;
    else if (other.length !== rows.length || other.some((r, i) => r !== rows[i])) changed++;
  }
  for (const key of b.keys()) if (!a.has(key)) appeared++;
  return { changed, disappeared, appeared };
}
