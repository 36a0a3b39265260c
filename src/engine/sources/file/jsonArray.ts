/**
 * A JSON array of objects. The array is split into its top-level elements by a
 * small scanner and each element is parsed alone, so one broken element is a
 * skipped row with its line number instead of a failed file.
 */
import { addJsonRow, type JsonTableBuilder } from './jsonRows';
import { createRowErrorLog, logRowError, type RawTable } from './types';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Reads the JSON array `text` (which starts with `[` after optional whitespace). */
export function readJsonArray(text: string): RawTable {
  const table: JsonTableBuilder = { names: [], rows: [], errors: createRowErrorLog(), index: new Map() };
  let line = 1;
  let i = 0;
  const skipWhitespace = (): void => {
    while (i < text.length && WHITESPACE.has(text[i]!)) if (text[i++] === '\n') line++;
  };
  skipWhitespace();
  i++; // the opening bracket
  for (;;) {
    skipWhitespace();
    if (i >= text.length || text[i] === ']') break;
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\n') line++;
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        // Only `]` ends the array; a `}` outside any object belongs to a broken element. Stopping
        // at it too left `i` in place, and the next element started and stopped there forever.
        if (depth === 0 && c === ']') break;
        if (depth > 0) depth--;
      } else if (c === ',' && depth === 0) break;
    }
    const element = text.slice(start, i).trim();
    if (element === '') logRowError(table.errors, startLine, 'empty array element');
    else addJsonRow(table, element, startLine, start - (text.lastIndexOf('\n', start - 1) + 1));
    if (text[i] === ',') i++;
  }
  i++; // the closing bracket
  skipWhitespace();
  if (i < text.length) logRowError(table.errors, line, 'unexpected text after the JSON array');
  return table;
}
