/**
 * Streamed file sources: the public face (see ./types.ts for the contract).
 * Text formats are sniffed and parsed here (./sniff.ts, ./rowParser.ts);
 * Parquet by ./parquet.ts; the runtime is ./source.ts.
 */
import type { FileSourceOptions } from '../types';
import { sniffParquet } from './parquet';
import { createTextRowParser, type TextRowParser } from './rowParser';
import { formatOfName, sniffText, type SniffOptions } from './sniff';
import type { FileBytes, FileLayout, FilePosition, SniffResult } from './types';

export type * from './types';
export { HEAD_BYTES } from './types';
export type { SniffOptions } from './sniff';
export type { TextRowParser } from './rowParser';

/**
 * Reads the head of `bytes` (HEAD_BYTES, cut at a row boundary; Parquet's
 * footer) and decides how to read the whole file, or says why it cannot be
 * read (no such event-time field, no readable row, ...).
 */
export async function sniffFile(bytes: FileBytes, options: SniffOptions): Promise<SniffResult> {
  const format = options.format === 'auto' ? formatOfName(bytes.name) : options.format;
  // Parquet: the engine-source branch's reader.
  if (format === 'parquet') return sniffParquet(bytes, options);
  return sniffText(bytes, options);
}

/**
 * A parser of a text layout (csv, ndjson, json) whose input starts at `from`
 * (a resume point, or layout.dataStart). Besides the RowParser contract it
 * says which bad rows lie before its resume point (`resumeErrors`).
 */
export function createRowParser(layout: FileLayout, options: Pick<FileSourceOptions, 'timeRange'>, from: FilePosition): TextRowParser {
  return createTextRowParser(layout, options.timeRange, from);
}
