/**
 * A data file dropped on the editor (or chosen on a node) becomes a
 * `source.file` node that refers to the file in the browser's file store
 * (`params.stored`) with the fields found in its head (`params.fields`), its
 * format, delimiter and a guessed event-time field; never its text. This
 * file holds the pure part: reading a head's text as today's whole-text
 * readers do, guessing the event time, and building the node.
 */
import { readCsv } from '../../engine/sources/file/csv';
import { chooseTimeFormat, readEventTime } from '../../engine/sources/file/eventTime';
import { detectFileFormat, parseFileSource, type FileFormat } from '../../engine/sources/file';
import { readJsonArray } from '../../engine/sources/file/jsonArray';
import { readNdjson } from '../../engine/sources/file/ndjson';
import type { RawTable } from '../../engine/sources/file/types';
import type { Field } from '../../engine/batch';
import type { StoredFile } from '../../model';
import { freshNodeId } from '../store/nodeDefaults';
import type { EditorDocument, EditorNode } from '../store/types';

const TEXT_DATA = /\.(csv|tsv|ndjson|jsonl)(\.gz)?$/i;

/** True for files that become a file source: CSV, TSV, NDJSON, JSON Lines (also gzipped) and Parquet by name or type. */
export function looksLikeDataFile(file: { readonly name: string; readonly type: string }): boolean {
  return TEXT_DATA.test(file.name) || /\.(parquet|json\.gz)$/i.test(file.name) || file.type === 'text/csv' || file.type === 'application/x-ndjson';
}

/** Names that usually hold an event's time, most telling first. */
export const TIME_NAMES = [/^(ts|timestamp|event_?time|time)$/i, /^(date_?time|datetime|date)$/i, /(_at|_ts|time|timestamp)$/i, /time|date/i];
const SAMPLE_ROWS = 200;

/** The delimiter of a CSV: a tab or semicolon when the header has those and no comma. */
export function guessDelimiter(text: string, fileName: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (/\.tsv(\.gz)?$/i.test(fileName) || (header.includes('\t') && !header.includes(','))) return '\t';
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

/** The field that most likely holds event time, or null; `preferred` (a node's own setting) wins when it reads as time. */
export function guessEventTime(table: RawTable, preferred?: string): string | null {
  const own = preferred === undefined ? -1 : table.names.indexOf(preferred);
  if (own >= 0 && readsAsTime(table, own)) return preferred!;
  for (const pattern of TIME_NAMES) {
    const index = table.names.findIndex((name, i) => pattern.test(name) && readsAsTime(table, i));
    if (index >= 0) return table.names[index]!;
  }
  // Any column of ISO date-times.
  const iso = table.names.findIndex((_, i) => readsAsTime(table, i) && chooseTimeFormat(table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells[i])) === 'iso');
  return iso >= 0 ? table.names[iso]! : null;
}

/**
 * The rows of a head of text: `whole` says whether it is the whole file. A
 * cut head ends at its last line break; a cut JSON array is closed after its
 * last whole object, so the head reads as the start of the same array.
 */
export function readHeadTable(text: string, format: FileFormat, delimiter: string, whole: boolean): RawTable {
  let body = text;
  if (!whole) {
    if (format === 'json') {
      const end = body.lastIndexOf('}');
      body = end < 0 ? body : `${body.slice(0, end + 1)}]`;
    } else {
      body = body.slice(0, body.lastIndexOf('\n') + 1);
    }
  }
  if (format === 'csv') return readCsv(body, delimiter);
  return format === 'ndjson' ? readNdjson(body) : readJsonArray(body);
}

/** How a data file is read, as its node's params say it. */
export interface DataFileLayout {
  readonly format: 'csv' | 'tsv' | 'ndjson' | 'json' | 'parquet';
  readonly delimiter: string;
  readonly eventTime: string;
  readonly fields: readonly Field[];
}

export type HeadReading = { ok: true; layout: DataFileLayout; rows: number } | { ok: false; message: string };

/**
 * Reads the head text of a data file with today's whole-text readers: the
 * format, delimiter, event time (the `preferred` one when it reads as
 * time) and fields with their types as a run would infer them from it.
 */
export function readHead(fileName: string, text: string, whole: boolean, preferred?: string): HeadReading {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: `${fileName} is empty` };
  const format = detectFileFormat(body);
  const delimiter = format === 'csv' ? guessDelimiter(body, fileName) : ',';
  const table = readHeadTable(body, format, delimiter, whole);
  if (table.names.length === 0 || table.rows.length === 0) return { ok: false, message: `${fileName} has no rows that could be read` };
  const eventTime = guessEventTime(table, preferred);
  if (eventTime === null) {
    return { ok: false, message: `no field of ${fileName} reads as a time (epoch milliseconds or seconds, or ISO-8601); it has ${table.names.join(', ')}` };
  }
  const headText = whole ? body : format === 'json' ? `${body.slice(0, body.lastIndexOf('}') + 1)}]` : body.slice(0, body.lastIndexOf('\n') + 1);
  const parsed = parseFileSource(headText, { format, eventTime, timeFormat: 'auto', delimiter });
  if (!parsed.ok) return { ok: false, message: `${fileName}: ${parsed.message}` };
  const layout: DataFileLayout = { format: format === 'csv' && delimiter === '\t' ? 'tsv' : format, delimiter, eventTime, fields: parsed.fields };
  return { ok: true, layout, rows: parsed.block.length };
}

/** The params of a file source that refers to a stored file: never `data`. */
export function storedFileParams(fileName: string, stored: StoredFile, layout: DataFileLayout): Record<string, unknown> {
  const { format, delimiter, eventTime, fields } = layout;
  return {
    format,
    eventTime,
    fileName,
    stored: { hash: stored.hash, size: stored.size },
    fields: fields.map((f) => ({ name: f.name, type: f.type })),
    ...(delimiter === ',' || format === 'tsv' ? {} : { delimiter }),
  };
}

/** A new file source node at `position` for a stored file. */
export function dataFileNode(doc: EditorDocument, fileName: string, stored: StoredFile, layout: DataFileLayout, position: { x: number; y: number }): EditorNode {
  return { id: freshNodeId(doc, 'source.file'), kind: 'source.file', name: fileName, position, params: storedFileParams(fileName, stored, layout) };
}
