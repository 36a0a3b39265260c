/** Newline-delimited JSON: one object per line, blank lines skipped. */
import { addJsonRow, type JsonTableBuilder } from './jsonRows';
import { createRowErrorLog, type RawTable } from './types';

/** Reads NDJSON text; a line that is not a JSON object is logged and skipped. */
export function readNdjson(text: string): RawTable {
  const table: JsonTableBuilder = { names: [], rows: [], errors: createRowErrorLog(), index: new Map() };
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() !== '') addJsonRow(table, line, i + 1);
  }
  return table;
}
