/**
 * Streamed file sources: the public face (see ./types.ts for the contract).
 * PLACEHOLDERS of the contract commit: the engine-parse branch builds
 * sniffText and createRowParser, the engine-source branch sniffParquet and
 * the source.
 */
import type { FileSourceOptions } from '../types';
import { sniffParquet } from './parquet';
import type { FileBytes, FileLayout, FilePosition, RowParser, SniffResult, StreamFormat } from './types';

export type * from './types';
export { HEAD_BYTES } from './types';

/** What sniffing needs beside the bytes: the source's params, with the format maybe still 'auto'. */
export interface SniffOptions extends Omit<FileSourceOptions, 'format'> {
  /** 'auto' decides by the file name's extension, then by the first bytes. */
  readonly format: 'auto' | StreamFormat | 'tsv';
}

/**
 * Reads the head of `bytes` (HEAD_BYTES, cut at a row boundary; Parquet's
 * footer) and decides how to read the whole file, or says why it cannot be
 * read (no such event-time field, no readable row, ...).
 */
export async function sniffFile(bytes: FileBytes, options: SniffOptions): Promise<SniffResult> {
  if (options.format === 'parquet' || (options.format === 'auto' && /\.parquet$/i.test(bytes.name))) return sniffParquet(bytes, options);
  void bytes;
  void options;
  return { ok: false, message: 'streamed files are not built yet' };
}

/** A parser of a text layout (csv, ndjson, json) whose input starts at `from` (a resume point, or layout.dataStart). */
export function createRowParser(layout: FileLayout, options: Pick<FileSourceOptions, 'timeRange'>, from: FilePosition): RowParser {
  void options;
  void from;
  throw new Error(`streamed ${layout.format} parsing is not built yet`);
}
