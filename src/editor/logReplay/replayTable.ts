/**
 * The results a table held, as plain text rows, and how the results before a
 * replay and after it line up: the answer of each window and key (its latest
 * revision), in both runs or in one, changed or the same.
 */
import type { Cell } from '../../charts/cells';

const cellText = (v: Cell | undefined): string => (v === undefined || v === null ? '—' : String(v));
import type { TableBuffer } from '../../charts/tableBuffer';

export interface HeldTable {
  readonly columns: readonly string[];
  /** Current answers (superseded revisions left out), oldest first, as the table prints them. */
  readonly rows: readonly (readonly string[])[];
}

/** The answers a table buffer holds now. */
export function heldTable(buffer: TableBuffer): HeldTable {
  const rows: string[][] = [];
  for (const row of buffer.oldestFirst()) if (!row.superseded) rows.push(row.cells.map((c) => cellText(c)));
  return { columns: buffer.columns.map((c) => c.name), rows };
}

export type Side = 'same' | 'changed' | 'only';

/**
 * Marks each row of `mine` against `other`: the same row there, a row of the
 * same identity (the columns named in `identity`: window bounds and keys) with
 * other values, or none.
 */
export function markRows(mine: HeldTable, other: HeldTable, identity: readonly string[]): Side[] {
  const idOf = (table: HeldTable, row: readonly string[]): string => JSON.stringify(identity.map((name) => row[table.columns.indexOf(name)] ?? ''));
  const whole = (table: HeldTable, row: readonly string[]): string => JSON.stringify(table.columns.map((name, i) => [name, row[i]]).sort());
  const otherIds = new Set(other.rows.map((r) => idOf(other, r)));
  const otherRows = new Set(other.rows.map((r) => whole(other, r)));
  return mine.rows.map((r) => (otherRows.has(whole(mine, r)) ? 'same' : otherIds.has(idOf(mine, r)) ? 'changed' : 'only'));
}
