/**
 * Compares the engine's aggregates with the oracle's (aggregateSql), each
 * function by its own accuracy rule, as README.md states them:
 * - count, min, max, first, last, countDistinct: identical.
 * - sum, avg, variance, stddev: within 1e-9 relative of the exact value
 *   (two-pass for variance), or 1e-9 of the values' own magnitude where the
 *   result is near zero because terms cancel: sum |x| for a sum, mean |x|
 *   for an average, and for variance and stddev a few ulps of max |x|
 *   (squared for variance): no double computation resolves less.
 * - percentile: within 1% of the exact value of the engine's rank
 *   (DDSketch's relative accuracy); 0 may stand for magnitudes below the
 *   sketch's smallest bucket (about 1.1e-308).
 * - approxCountDistinct: within 10% + 3 of the exact distinct count (over
 *   six standard errors of HyperLogLog at precision 12; see hyperLogLog.ts).
 */
import type { Row } from '../operators/sinks';
import { RELATIVE_ACCURACY, mapping } from '../aggregate/sketchMapping';
import type { OracleAggregation } from './aggregateSql';

export const RELATIVE_TOLERANCE = 1e-9;
/** Half the gap between 1 and the next double. */
const EPS = Number.EPSILON / 2;
/** Magnitudes at or below this count as zero in the sketch. */
export const SKETCH_ZERO = mapping.minPossible;
/** Per window: |estimate - exact| <= HLL_RELATIVE * exact + HLL_ABSOLUTE. */
export const HLL_RELATIVE = 0.1;
export const HLL_ABSOLUTE = 3;

type Cell = Row[string] | undefined;

function num(cell: Cell): number | null {
  return typeof cell === 'number' ? cell : null;
}

function within(actual: number, expected: number, tolerance: number): boolean {
  return Math.abs(actual - expected) <= tolerance;
}

/** Why `actual` is not an acceptable value of `a` given the oracle's row, or null when it is. */
export function valueProblem(a: OracleAggregation, actual: Cell, expectedRow: Row): string | null {
  const expected = expectedRow[a.name] ?? null;
  const got = actual ?? null;
  const bad = `${a.name} (${a.fn}${a.q === undefined ? '' : ` ${a.q}`}): ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`;
  if (expected === null || got === null) return expected === got ? null : bad;
  const x = num(got);
  const y = num(expected);
  const scale = num(expectedRow[`${a.name}__scale`] ?? null) ?? 0;
  switch (a.fn) {
    case 'count': case 'min': case 'max': case 'first': case 'last': case 'countDistinct':
      return Object.is(got, expected) || got === expected ? null : bad;
    case 'sum': case 'avg':
      if (x === null || y === null) return bad;
      return within(x, y, RELATIVE_TOLERANCE * Math.max(Math.abs(y), scale)) ? null : `${bad} (scale ${scale})`;
    case 'variance':
      if (x === null || y === null) return bad;
      return within(x, y, RELATIVE_TOLERANCE * Math.abs(y) + (4 * EPS * scale) ** 2) ? null : `${bad} (max |x| ${scale})`;
    case 'stddev':
      if (x === null || y === null) return bad;
      return within(x, y, RELATIVE_TOLERANCE * Math.abs(y) + 4 * EPS * scale) ? null : `${bad} (max |x| ${scale})`;
    case 'percentile':
      if (x === null || y === null) return bad;
      return within(x, y, RELATIVE_ACCURACY * Math.abs(y) + (Math.abs(y) <= SKETCH_ZERO ? SKETCH_ZERO : 0)) ? null : bad;
    case 'approxCountDistinct':
      if (x === null || y === null) return bad;
      return within(x, y, HLL_RELATIVE * y + HLL_ABSOLUTE) ? null : bad;
  }
}

function identityOf(row: Row, columns: readonly string[]): string {
  return JSON.stringify(columns.map((c) => row[c] ?? null));
}

/**
 * What differs between the engine's rows and the oracle's, matched by the
 * `identity` columns (plus `revision`, compared exactly): rows missing,
 * unexpected or duplicated, and values outside their function's accuracy.
 * Empty when they agree. At most `limit` lines.
 */
export function aggregateDifferences(actual: readonly Row[], expected: readonly Row[], aggregations: readonly OracleAggregation[], identity: readonly string[], limit = 20): string[] {
  const out: string[] = [];
  const report = (line: string): void => { if (out.length <= limit) out.push(out.length === limit ? '...' : line); };
  const byIdentity = new Map<string, Row>();
  for (const row of actual) {
    const id = identityOf(row, identity);
    if (byIdentity.has(id)) report(`duplicate actual row ${id}`);
    byIdentity.set(id, row);
  }
  for (const row of expected) {
    const id = identityOf(row, identity);
    const other = byIdentity.get(id);
    if (other === undefined) {
      report(`missing row ${id}: ${JSON.stringify(row)}`);
      continue;
    }
    byIdentity.delete(id);
    const problems = aggregations.flatMap((a) => valueProblem(a, other[a.name], row) ?? []);
    if (other['revision'] !== row['revision']) problems.push(`revision ${String(other['revision'])} vs ${String(row['revision'])}`);
    if (problems.length > 0) report(`row ${id}: ${problems.join('; ')}`);
  }
  for (const [id, row] of byIdentity) report(`unexpected row ${id}: ${JSON.stringify(row)}`);
  return out;
}

/**
 * The sessions that stand once every revision has arrived: a result replaces
 * every earlier result of its key whose bounds it contains (a revision, an
 * extension, or a merge of fired sessions). Revisions become 0, as in a batch result.
 */
export function standingSessions(rows: readonly Row[], keys: readonly string[]): Row[] {
  const standing = new Map<string, Row[]>();
  for (const row of rows) {
    const key = JSON.stringify(keys.map((k) => row[k]));
    const inside = (old: Row): boolean => (old['window_start'] as number) >= (row['window_start'] as number) && (old['window_end'] as number) <= (row['window_end'] as number);
    standing.set(key, [...(standing.get(key) ?? []).filter((old) => !inside(old)), row]);
  }
  return [...standing.values()].flat().map((row) => ({ ...row, revision: 0 }));
}

/** Count windows in the order each key fired them, numbered per key as `cw` (the oracle's column). */
export function numberCountWindows(rows: readonly Row[], keyed: boolean): Row[] {
  const next = new Map<string, number>();
  return rows.map((row) => {
    const key = keyed ? String(row['k']) : '';
    const cw = next.get(key) ?? 0;
    next.set(key, cw + 1);
    return { ...row, cw };
  });
}
