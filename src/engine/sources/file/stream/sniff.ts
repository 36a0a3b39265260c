/**
 * Deciding how to read a text file from its head: the format, the
 * delimiter, the fields and their types, the time format and where the data
 * starts. The head's rows are read by the same scanners as the whole file,
 * then judged by the rules of whole-text parsing (infer.ts, eventTime.ts),
 * so a file no longer than HEAD_BYTES reads exactly as it always did. A
 * longer file is judged by the complete rows of its first HEAD_BYTES; a
 * later value that does not fit its field's type makes its row a bad row.
 */
import { DEFAULT_EVENT_TIME_RANGE, inEventTimeRange } from '../../../../model';
import type { Field } from '../../../batch';
import { headerNames } from '../csv';
import { chooseTimeFormat, eventTimeProblem, outOfRangeProblem, readEventTime } from '../eventTime';
import { inferType } from '../infer';
import { addJsonRow, type JsonTableBuilder } from '../jsonRows';
import { createRowErrorLog, logRowError, type FileSourceOptions, type RawRow, type RawTable, type RowErrorLog } from '../types';
import { CsvScanner, type CsvRowSink } from './csvScanner';
import { JsonArrayScanner, NdjsonScanner } from './jsonScanner';
import { HEAD_BYTES, type FileBytes, type FileLayout, type FilePosition, type SniffResult, type StreamFormat } from './types';
import { decodeUtf8, hasBom } from './utf8';

/** What sniffing needs beside the bytes: the source's params, with the format maybe still 'auto'. */
export interface SniffOptions extends Omit<FileSourceOptions, 'format'> {
  /** 'auto' decides by the file name's extension, then by the first bytes. */
  readonly format: 'auto' | StreamFormat | 'tsv';
}

/** The format of `text` by its first non-blank character: `[` JSON array, `{` NDJSON, else CSV. */
export function detectFileFormat(text: string): 'csv' | 'ndjson' | 'json' {
  const first = /\S/.exec(text)?.[0];
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
}

/** The format a file's name says (`.gz` stripped), or null when it says none. */
export function formatOfName(name: string): StreamFormat | 'tsv' | null {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  const dot = base.lastIndexOf('.');
  const ext = dot < 0 ? '' : base.slice(dot + 1);
  switch (ext) {
    case 'csv':
      return 'csv';
    case 'tsv':
      return 'tsv';
    case 'ndjson':
    case 'jsonl':
      return 'ndjson';
    case 'json':
      return 'json';
    case 'parquet':
      return 'parquet';
    default:
      return null;
  }
}

function fail(message: string): SniffResult {
  return { ok: false, message };
}

function firstProblem(log: RowErrorLog): string {
  const first = log.first[0];
  return first === undefined ? '' : ` (line ${first.line}: ${first.message})`;
}

/** The head's CSV rows as text cells, the header's names and where the data starts. */
class RawCsv implements CsvRowSink {
  names: string[] | null = null;
  readonly rows: RawRow[] = [];
  readonly errors = createRowErrorLog();
  dataStart: FilePosition | null = null;
  private scratch: Uint8Array = new Uint8Array(0);

  row(scanner: CsvScanner, buf: Uint8Array, count: number, line: number, _offset: number, problem: string | null): void {
    const cells = new Array<string>(count);
    const { starts, ends, escaped } = scanner;
    for (let i = 0; i < count; i++) cells[i] = this.text(buf, starts[i]!, ends[i]!, escaped[i] === 1);
    if (this.names === null) {
      this.names = headerNames(cells);
      this.dataStart = { offset: scanner.nextOffset, line: scanner.nextLine };
      return;
    }
    if (problem !== null) logRowError(this.errors, line, problem);
    else if (count !== this.names.length) logRowError(this.errors, line, `expected ${this.names.length} fields, found ${count}`);
    else this.rows.push({ line, cells });
  }

  private text(buf: Uint8Array, start: number, end: number, escaped: boolean): string {
    if (!escaped) return decodeUtf8(buf, start, end);
    if (this.scratch.length < end - start) this.scratch = new Uint8Array(end - start);
    let n = 0;
    for (let i = start; i < end; i++) {
      const b = buf[i]!;
      this.scratch[n++] = b;
      if (b === 34 && buf[i + 1] === 34) i++;
    }
    return decodeUtf8(this.scratch, 0, n);
  }
}

/** Where a JSON array's elements start: after its `[` (skipping the blanks jsonArray.ts skips), with that line. */
function afterOpeningBracket(head: Uint8Array, from: number): FilePosition {
  let line = 1;
  let i = from;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13)) if (head[i++] === 10) line++;
  // Whatever character stands there is taken for the bracket (detectFileFormat said it is one).
  const b = head[i] ?? 0;
  const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
  return { offset: Math.min(head.length, i + size), line };
}

/**
 * Decides the layout from `head`, the first bytes of a file (all of it when
 * `whole`; otherwise only its complete rows count). `name` gives the format
 * by extension when the options say 'auto'.
 */
export function sniffHead(head: Uint8Array, whole: boolean, name: string, options: SniffOptions): SniffResult {
  const bodyStart = hasBom(head) ? 3 : 0;
  const text = decodeUtf8(head, bodyStart, head.length);
  if (whole && text.trim() === '') return fail('The file is empty.');
  const delimiterOption = options.delimiter ?? ',';
  if (delimiterOption.length !== 1 || '"\r\n'.includes(delimiterOption)) {
    return fail(`The delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiterOption)}.`);
  }
  let format = options.format;
  if (format === 'auto') {
    const named = formatOfName(name);
    // A `.json` file of one object per line is NDJSON: the first character decides between the two.
    format = named === null || named === 'json' || named === 'ndjson' ? detectFileFormat(text) : named;
  }
  if (format === 'parquet') return fail('Parquet files are read by the Parquet reader, not as text.');
  const delimiter = format === 'tsv' ? '\t' : delimiterOption;
  const textFormat = format === 'tsv' ? 'csv' : format;
  if (textFormat === 'json' && detectFileFormat(text) !== 'json') return fail('Expected a JSON array of objects (text starting with "[").');

  let table: RawTable;
  let dataStart: FilePosition;
  if (textFormat === 'csv') {
    const sink = new RawCsv();
    const scanner = new CsvScanner(delimiter, { offset: bodyStart, line: 1 }, sink);
    scanner.push(head.subarray(bodyStart));
    if (whole) scanner.end();
    table = { names: sink.names ?? [], rows: sink.rows, errors: sink.errors };
    dataStart = sink.dataStart ?? { offset: head.length, line: scanner.line };
  } else {
    const builder: JsonTableBuilder = { names: [], rows: [], errors: createRowErrorLog(), index: new Map() };
    const sink = { errors: builder.errors, element: (t: string, line: number, column: number) => addJsonRow(builder, t, line, column) };
    dataStart = textFormat === 'ndjson' ? { offset: bodyStart, line: 1 } : afterOpeningBracket(head, bodyStart);
    const scanner = textFormat === 'ndjson' ? new NdjsonScanner(dataStart, sink) : new JsonArrayScanner(dataStart, 1, sink);
    scanner.push(head.subarray(dataStart.offset));
    if (whole) scanner.end();
    table = builder;
  }
  return judge(table, textFormat, textFormat === 'csv' ? delimiter : ',', dataStart, options);
}

/** The rules of whole-text parsing over the head's rows: the event-time field, the time format, the types. */
function judge(table: RawTable, format: StreamFormat, delimiter: string, dataStart: FilePosition, options: SniffOptions): SniffResult {
  const field = options.eventTime;
  const timeColumn = table.names.indexOf(field);
  if (timeColumn < 0 && table.names.length > 0) {
    return fail(`Event-time field "${field}" not found. The file has the fields: ${table.names.join(', ')}.`);
  }
  if (table.rows.length === 0) {
    const bad = table.errors.count;
    return fail(bad === 0 ? 'The file has no data rows.' : `No row could be read: ${bad} bad rows${firstProblem(table.errors)}.`);
  }
  const timeFormat = options.timeFormat === 'auto' ? chooseTimeFormat(table.rows.map((row) => row.cells[timeColumn])) : options.timeFormat;
  const range = options.timeRange ?? DEFAULT_EVENT_TIME_RANGE;
  const timeErrors = createRowErrorLog();
  const kept: RawRow[] = [];
  for (const row of table.rows) {
    const cell = row.cells[timeColumn];
    const t = readEventTime(cell, timeFormat);
    if (Number.isNaN(t)) logRowError(timeErrors, row.line, eventTimeProblem(field, cell, timeFormat));
    else if (!inEventTimeRange(range, t)) logRowError(timeErrors, row.line, outOfRangeProblem(field, cell, range));
    else kept.push(row);
  }
  if (kept.length === 0) return fail(`No row has a readable event time in "${field}"${firstProblem(timeErrors)}.`);
  const fields: Field[] = table.names.map((name, c) =>
    c === timeColumn ? { name, type: 'time' } : { name, type: inferType(kept.map((row) => row.cells[c])) },
  );
  const layout: FileLayout = { format, delimiter, fields, eventTime: field, timeFormat, dataStart };
  return { ok: true, layout };
}

/** The first HEAD_BYTES of a file (more when a chunk runs past), and whether that is all of it. */
export async function readHead(bytes: FileBytes): Promise<{ head: Uint8Array; whole: boolean }> {
  const parts: Uint8Array[] = [];
  let size = 0;
  let whole = true;
  for await (const chunk of bytes.read(0)) {
    parts.push(chunk);
    size += chunk.length;
    if (size > HEAD_BYTES) {
      whole = false;
      break;
    }
  }
  const head = new Uint8Array(whole ? size : HEAD_BYTES);
  let at = 0;
  for (const part of parts) {
    const n = Math.min(part.length, head.length - at);
    head.set(part.subarray(0, n), at);
    at += n;
    if (at === head.length) break;
  }
  return { head, whole };
}

/** Reads the head of a text file and decides its layout (see {@link sniffHead}). */
export async function sniffText(bytes: FileBytes, options: SniffOptions): Promise<SniffResult> {
  const { head, whole } = await readHead(bytes);
  return sniffHead(head, whole, bytes.name, options);
}
