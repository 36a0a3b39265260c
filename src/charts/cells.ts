/**
 * Reading single cells out of a columnar results chunk. Views keep rows as
 * plain cells: a chunk's typed arrays belong to one frame, a table's rows to
 * the whole run.
 */
import type { ChunkColumn, ResultChunk } from '../worker/protocol';

/** One value of a result row; missing numbers (NaN) read as null. */
export type Cell = string | number | boolean | null;

/** The value of `column` at `row`. */
export function cellAt(column: ChunkColumn, row: number): Cell {
  switch (column.type) {
    case 'number':
    case 'time': {
      const value = column.values[row];
      return value === undefined || Number.isNaN(value) ? null : value;
    }
    case 'boolean': {
      const value = column.values[row];
      return value === undefined ? null : value === 1;
    }
    case 'string':
      return column.values[row] ?? null;
  }
}

/** The chunk's column called `name`, if it has one. */
export function columnOf(chunk: ResultChunk, name: string): ChunkColumn | undefined {
  return chunk.columns.find((c) => c.name === name);
}

/** A number cell of `column` at `row`, or null for a missing value or a column of another type. */
export function numberAt(column: ChunkColumn | undefined, row: number): number | null {
  if (column === undefined || (column.type !== 'number' && column.type !== 'time')) return null;
  const value = column.values[row];
  return value === undefined || Number.isNaN(value) ? null : value;
}

/**
 * How a row's key reads: its key cells joined with ' · ', or 'all' when there
 * are no key fields (a global aggregate has one series).
 */
export function keyOf(columns: readonly (ChunkColumn | undefined)[], row: number): string {
  if (columns.length === 0) return 'all';
  if (columns.length === 1 && columns[0] !== undefined) return String(cellAt(columns[0], row) ?? '∅');
  return columns.map((c) => (c === undefined ? '' : String(cellAt(c, row) ?? '∅'))).join(' · ');
}

/** The result field that counts a window's re-firings (see the README's CLI section). */
export const REVISION_FIELD = 'revision';
export const WINDOW_START_FIELD = 'window_start';
export const WINDOW_END_FIELD = 'window_end';
