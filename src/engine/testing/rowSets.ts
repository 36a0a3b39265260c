/** Compares result rows as sets, for tests that hold the engine against another engine. */
import type { Row } from '../operators/sinks';

/** How two row sets are matched and compared. */
export interface RowSetOptions {
  /** Columns that identify a row (window bounds, keys, revision); no two rows of a set may share them. */
  readonly identity: readonly string[];
  /** Columns compared with `relativeTolerance`; every other column must be identical. */
  readonly approximate: readonly string[];
  readonly relativeTolerance: number;
  /** At most this many differences are described [20]. */
  readonly maxReported?: number;
}

/** True when `a` and `b` differ by at most `tolerance` relative to the larger magnitude. */
export function closeEnough(a: number, b: number, tolerance: number): boolean {
  if (Object.is(a, b) || a === b) return true;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function identityOf(row: Row, columns: readonly string[]): string {
  return JSON.stringify(columns.map((c) => row[c] ?? null));
}

function cellDifference(name: string, actual: Row[string] | undefined, expected: Row[string] | undefined, options: RowSetOptions): string | null {
  if (options.approximate.includes(name) && typeof actual === 'number' && typeof expected === 'number') {
    return closeEnough(actual, expected, options.relativeTolerance) ? null : `${name}: ${actual} vs ${expected}`;
  }
  return Object.is(actual, expected) ? null : `${name}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`;
}

/**
 * Describes how `actual` differs from `expected` as sets of rows: rows missing,
 * unexpected or duplicated, and cells that differ (actual vs expected).
 * Empty when the sets are equal.
 */
export function rowSetDifferences(actual: readonly Row[], expected: readonly Row[], options: RowSetOptions): string[] {
  const limit = options.maxReported ?? 20;
  const out: string[] = [];
  const report = (line: string): void => {
    if (out.length < limit) out.push(line);
    else if (out.length === limit) out.push('...');
  };
  const byIdentity = new Map<string, Row>();
  for (const row of actual) {
    const id = identityOf(row, options.identity);
    if (byIdentity.has(id)) report(`duplicate actual row ${id}`);
    byIdentity.set(id, row);
  }
  const seen = new Set<string>();
  for (const row of expected) {
    const id = identityOf(row, options.identity);
    if (seen.has(id)) report(`duplicate expected row ${id}`);
    seen.add(id);
    const other = byIdentity.get(id);
    if (other === undefined) {
      report(`missing row ${JSON.stringify(row)}`);
      continue;
    }
    byIdentity.delete(id);
    const names = new Set([...Object.keys(row), ...Object.keys(other)]);
    const cells = [...names].flatMap((name) => cellDifference(name, other[name], row[name], options) ?? []);
    if (cells.length > 0) report(`row ${id} differs: ${cells.join('; ')}`);
  }
  for (const row of byIdentity.values()) report(`unexpected row ${JSON.stringify(row)}`);
  return out;
}

/**
 * The last revision of each window: rows grouped by the `identity` columns
 * (window bounds and keys, not revision), keeping the last one to arrive.
 * `problems` names every window whose revisions did not arrive as 0, 1, 2, ...
 */
export function lastRevisions(rows: readonly Row[], identity: readonly string[]): { rows: Row[]; problems: string[] } {
  const last = new Map<string, Row>();
  const problems: string[] = [];
  for (const row of rows) {
    const id = identityOf(row, identity);
    const before = last.get(id);
    const expected = before === undefined ? 0 : (before['revision'] as number) + 1;
    if (row['revision'] !== expected && problems.length < 20) problems.push(`window ${id}: revision ${String(row['revision'])} where ${expected} was due`);
    last.set(id, row);
  }
  return { rows: [...last.values()], problems };
}
