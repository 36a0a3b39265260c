/** Turning parsed JSON objects into flat rows with dotted field names. */
import { findTooDeep, tooDeepReason } from '../jsonDepth';
import { logRowError, type RawRow, type RawTable, type RawValue } from './types';

/** A table being built from JSON objects: field names in order of first appearance. */
export interface JsonTableBuilder extends RawTable {
  readonly index: Map<string, number>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): RawValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  // Arrays (and anything else JSON can hold) stay readable as their JSON text.
  return JSON.stringify(value);
}

function flattenInto(table: JsonTableBuilder, cells: RawValue[], object: Record<string, unknown>, prefix: string): void {
  for (const [key, value] of Object.entries(object)) {
    const name = prefix + key;
    if (isRecord(value)) {
      flattenInto(table, cells, value, `${name}.`);
      continue;
    }
    let column = table.index.get(name);
    if (column === undefined) {
      column = table.names.length;
      table.names.push(name);
      table.index.set(name, column);
    }
    while (cells.length < column) cells.push(null);
    cells[column] = scalar(value);
  }
}

/**
 * Parses one JSON object text into a row of `table`, or logs why it cannot.
 * `column` is the 0-based column `text` starts at on `line`.
 */
export function addJsonRow(table: JsonTableBuilder, text: string, line: number, column = 0): void {
  // Before parsing: flattening and printing recurse, one level per nesting (see jsonDepth.ts).
  const deep = findTooDeep(text, undefined, column);
  if (deep !== null) {
    logRowError(table.errors, line + deep.line, tooDeepReason(deep.column));
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    logRowError(table.errors, line, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!isRecord(value)) {
    logRowError(table.errors, line, `expected a JSON object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`);
    return;
  }
  const row: RawRow = { line, cells: [] };
  flattenInto(table, row.cells, value, '');
  table.rows.push(row);
}
