/**
 * The whole-text file reader the streamed parser replaced (papaparse for CSV,
 * split lines for NDJSON, the element scanner for JSON arrays, then
 * buildBlock), kept as the independent oracle of the parser's tests.
 */
import { buildBlock } from '../columns';
import { readCsv } from '../csv';
import { DEFAULT_EVENT_TIME_RANGE, inEventTimeRange } from '../../../../model';
import { chooseTimeFormat, eventTimeProblem, outOfRangeProblem, readEventTime } from '../eventTime';
import { readJsonArray } from '../jsonArray';
import { readNdjson } from '../ndjson';
import {
  createRowErrorLog,
  logRowError,
  MAX_ROW_ERRORS,
  type FileFormat,
  type FileParseResult,
  type FileSourceOptions,
  type RawRow,
  type RowError,
  type RowErrorLog,
} from '../types';


function detectFileFormat(text: string): FileFormat {
  const first = /\S/.exec(text)?.[0];
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
}

function fail(message: string): FileParseResult {
  return { ok: false, message };
}

/** Both logs' first errors in line order, cut to the limit. */
function mergeErrors(a: RowErrorLog, b: RowErrorLog): RowError[] {
  return [...a.first, ...b.first].sort((x, y) => x.line - y.line).slice(0, MAX_ROW_ERRORS);
}

function firstProblem(log: RowErrorLog): string {
  const first = log.first[0];
  return first === undefined ? '' : ` (line ${first.line}: ${first.message})`;
}

/** Parses file text into rows in file order; see {@link FileParseResult}. */
export function parseWholeText(text: string, options: FileSourceOptions): FileParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('The file is empty.');
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || '"\r\n'.includes(delimiter)) {
    return fail(`The delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}.`);
  }
  const format = options.format === 'auto' ? detectFileFormat(body) : options.format;
  if (format === 'json' && detectFileFormat(body) !== 'json') return fail('Expected a JSON array of objects (text starting with "[").');
  const table = format === 'csv' ? readCsv(body, delimiter) : format === 'ndjson' ? readNdjson(body) : readJsonArray(body);

  const field = options.eventTime;
  const timeColumn = table.names.indexOf(field);
  if (timeColumn < 0 && table.names.length > 0) {
    return fail(`Event-time field "${field}" not found. The file has the fields: ${table.names.join(', ')}.`);
  }
  if (table.rows.length === 0) {
    const bad = table.errors.count;
    return fail(bad === 0 ? 'The file has no data rows.' : `No row could be read: ${bad} bad rows${firstProblem(table.errors)}.`);
  }

  const timeFormat =
    options.timeFormat === 'auto' ? chooseTimeFormat(table.rows.map((row) => row.cells[timeColumn])) : options.timeFormat;
  const timeErrors = createRowErrorLog();
  const range = options.timeRange ?? DEFAULT_EVENT_TIME_RANGE;
  const kept: RawRow[] = [];
  const times: number[] = [];
  for (const row of table.rows) {
    const t = readEventTime(row.cells[timeColumn], timeFormat);
    if (Number.isNaN(t)) logRowError(timeErrors, row.line, eventTimeProblem(field, row.cells[timeColumn], timeFormat));
    // A time like 1e20 or -1e308 is no event's: windows could not place it exactly.
    else if (!inEventTimeRange(range, t)) logRowError(timeErrors, row.line, outOfRangeProblem(field, row.cells[timeColumn], range));
    else {
      kept.push(row);
      times.push(t);
    }
  }
  if (kept.length === 0) return fail(`No row has a readable event time in "${field}"${firstProblem(timeErrors)}.`);

  const { block, fields } = buildBlock(table.names, kept, timeColumn, Float64Array.from(times));
  return {
    ok: true,
    block,
    fields,
    rowErrors: mergeErrors(table.errors, timeErrors),
    badRowCount: table.errors.count + timeErrors.count,
  };
}
