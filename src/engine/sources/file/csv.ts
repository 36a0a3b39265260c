/** CSV through papaparse: a header row, then rows of exactly as many fields. */
import Papa from 'papaparse';
import { createRowErrorLog, logRowError, type RawRow, type RawTable } from './types';

/** Counts line breaks (\n, \r\n or a lone \r) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** Header names made usable: trimmed, never empty, never repeated. */
export function headerNames(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((raw, i) => {
    const base = raw.trim() === '' ? `column_${i + 1}` : raw.trim();
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}_${n}`;
    seen.add(name);
    return name;
  });
}

/** Reads CSV text (without BOM). Rows with a quoting error or the wrong field count are logged and skipped. */
export function readCsv(text: string, delimiter: string): RawTable {
  const errors = createRowErrorLog();
  const rows: RawRow[] = [];
  let names: string[] | null = null;
  // papaparse reports where each row ends; line numbers are counted from those cursors.
  let pos = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: true,
    step(result) {
      let start = pos;
      while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
      const rowLine = line + countBreaks(text, pos, start);
      line = rowLine + countBreaks(text, start, result.meta.cursor);
      pos = result.meta.cursor;
      const cells = result.data;
      if (names === null) {
        names = headerNames(cells);
        return;
      }
      const problem = result.errors[0];
      if (problem !== undefined) logRowError(errors, rowLine, problem.message);
      else if (cells.length !== names.length) {
        logRowError(errors, rowLine, `expected ${names.length} fields, found ${cells.length}`);
      } else rows.push({ line: rowLine, cells });
    },
  });
  return { names: names ?? [], rows, errors };
}
