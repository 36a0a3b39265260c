/**
 * Downloads of what a table holds: CSV (RFC 4180) and NDJSON lines shaped as
 * the CLI writes them (times as epoch milliseconds), oldest first.
 */
import type { Cell } from './cells';
import type { TableColumn, TableRow } from './tableRow';

/** A CSV field, quoted when it holds a comma, a quote, CR or LF (quotes doubled), per RFC 4180. */
export function csvField(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and one line per row, CRLF-terminated as RFC 4180 says. */
export function toCsv(columns: readonly TableColumn[], rows: Iterable<TableRow>): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const row of rows) lines.push(columns.map((_, i) => csvField(row.cells[i])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** One JSON object per row and line; a missing number is null. */
export function toNdjson(columns: readonly TableColumn[], rows: Iterable<TableRow>): string {
  let text = '';
  for (const row of rows) {
    // No prototype: a column named "__proto__" is a key like any other, not the object's prototype.
    const record: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
    columns.forEach((c, i) => {
      record[c.name] = row.cells[i] ?? null;
    });
    text += `${JSON.stringify(record)}\n`;
  }
  return text;
}

/** Saves `text` as a file through a temporary link (no server round trip). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download by the time this runs.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
