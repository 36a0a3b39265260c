/**
 * A CSV or NDJSON file dropped on the editor becomes a `source.file` node
 * holding the data inline (so autosave keeps it and a run can replay it),
 * with its format, delimiter and event-time field guessed by the engine's
 * own file readers.
 */
import { readCsv } from '../../engine/sources/file/csv';
import { chooseTimeFormat, readEventTime } from '../../engine/sources/file/eventTime';
import { detectFileFormat, parseFileSource, type FileFormat } from '../../engine/sources/file';
import { readJsonArray } from '../../engine/sources/file/jsonArray';
import { readNdjson } from '../../engine/sources/file/ndjson';
import type { RawTable } from '../../engine/sources/file/types';
import { freshNodeId } from '../store/nodeDefaults';
import type { EditorDocument, EditorNode } from '../store/types';

/** True for files that become a file source: CSV, TSV, NDJSON and JSON Lines by name or type. */
export function looksLikeDataFile(file: { readonly name: string; readonly type: string }): boolean {
  return /\.(csv|tsv|ndjson|jsonl)$/i.test(file.name) || file.type === 'text/csv' || file.type === 'application/x-ndjson';
}

/** Names that usually hold an event's time, most telling first. */
const TIME_NAMES = [/^(ts|timestamp|event_?time|time)$/i, /^(date_?time|datetime|date)$/i, /(_at|_ts|time|timestamp)$/i, /time|date/i];
const SAMPLE_ROWS = 200;

/** The delimiter of a CSV: a tab or semicolon when the header has those and no comma. */
function guessDelimiter(text: string, fileName: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (/\.tsv$/i.test(fileName) || (header.includes('\t') && !header.includes(','))) return '\t';
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** Whether most sampled values of column `index` read as times in one format. */
function readsAsTime(table: RawTable, index: number): boolean {
  const values = table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells[index]);
  const format = chooseTimeFormat(values);
  const ok = values.filter((v) => !Number.isNaN(readEventTime(v, format))).length;
  // Plain counts read as epoch seconds from 1970: only believe numbers when the name says time.
  return ok > 0 && ok >= values.length * 0.9;
}

/** The field that most likely holds event time, or null. */
function guessEventTime(table: RawTable): string | null {
  for (const pattern of TIME_NAMES) {
    const index = table.names.findIndex((name, i) => pattern.test(name) && readsAsTime(table, i));
    if (index >= 0) return table.names[index]!;
  }
  // Any column of ISO date-times.
  const iso = table.names.findIndex((_, i) => readsAsTime(table, i) && chooseTimeFormat(table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells[i])) === 'iso');
  return iso >= 0 ? table.names[iso]! : null;
}

function readTable(text: string, format: FileFormat, delimiter: string): RawTable {
  if (format === 'csv') return readCsv(text, delimiter);
  return format === 'ndjson' ? readNdjson(text) : readJsonArray(text);
}

export type DataFileNode = { ok: true; node: EditorNode; rows: number; eventTime: string } | { ok: false; message: string };

/** A file source node for `text` at `position`, or why the file cannot be one. */
export function dataFileNode(doc: EditorDocument, fileName: string, text: string, position: { x: number; y: number }): DataFileNode {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: `${fileName} is empty` };
  const format = detectFileFormat(body);
  const delimiter = format === 'csv' ? guessDelimiter(body, fileName) : ',';
  const table = readTable(body, format, delimiter);
  if (table.names.length === 0 || table.rows.length === 0) return { ok: false, message: `${fileName} has no rows that could be read` };
  const eventTime = guessEventTime(table);
  if (eventTime === null) {
    return { ok: false, message: `no field of ${fileName} reads as a time (epoch milliseconds or seconds, or ISO-8601); it has ${table.names.join(', ')}` };
  }
  const parsed = parseFileSource(body, { format, eventTime, timeFormat: 'auto', delimiter });
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const node: EditorNode = {
    id: freshNodeId(doc, 'source.file'),
    kind: 'source.file',
    name: fileName,
    position,
    params: { format, eventTime, data: text, fileName, ...(delimiter === ',' ? {} : { delimiter }) },
  };
  return { ok: true, node, rows: parsed.block.length, eventTime };
}
