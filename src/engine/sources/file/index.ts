/**
 * File sources: CSV, NDJSON or a JSON array of objects parsed into one RowBlock,
 * with inferred field types and an event-time column. Bad rows are skipped and
 * reported; they never stop the parse.
 */
import { createTextRowParser } from './stream/rowParser';
import { sniffHead } from './stream/sniff';
import type { FileParseResult, FileSourceOptions } from './types';

export type { FileFormat, FileParseResult, FileSourceOptions, RowError, TimeFormat } from './types';
export { detectFileFormat } from './stream/sniff';

function fail(message: string): FileParseResult {
  return { ok: false, message };
}

/**
 * Parses file text into rows in file order; see {@link FileParseResult}.
 * The text goes through the streamed parser (./stream) in one piece: the
 * head is the whole text, so types, time format and errors are the whole file's.
 */
export function parseFileSource(text: string, options: FileSourceOptions): FileParseResult {
  const bytes = new TextEncoder().encode(text);
  const sniffed = sniffHead(bytes, true, '', options);
  if (!sniffed.ok) return fail(sniffed.message);
  const { layout } = sniffed;
  const parser = createTextRowParser(layout, options.timeRange, layout.dataStart);
  parser.push(bytes.subarray(layout.dataStart.offset));
  parser.end();
  const block = parser.take(parser.buffered);
  return { ok: true, block, fields: [...layout.fields], rowErrors: [...parser.errors.first], badRowCount: parser.errors.count };
}
