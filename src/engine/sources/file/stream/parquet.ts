/**
 * Parquet files: the footer says the fields and their types (no inference),
 * and rows are read a row group at a time through `bytes.slice` (see
 * ./parquetSupply.ts). hyparquet reads them, in Node and in the browser.
 */
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData, type ParquetParsers, type SchemaElement } from 'hyparquet';
import type { Field, FieldType } from '../../../batch';
import type { RawValue, TimeFormat } from '../types';
import { chooseTimeFormat } from '../eventTime';
import type { FileBytes, SniffResult } from './types';

/** Values as the engine holds them: times and dates as epoch ms, 64-bit integers as numbers. */
export const PARQUET_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (v: bigint) => (v === null || v === undefined ? null : Number(v)),
  timestampFromMicroseconds: (v: bigint) => (v === null || v === undefined ? null : Number(v) / 1000),
  timestampFromNanoseconds: (v: bigint) => (v === null || v === undefined ? null : Number(v) / 1e6),
  dateFromDays: (days: number) => (days === null || days === undefined ? null : days * 86_400_000),
  jsonFromBytes: (bytes: Uint8Array) => (bytes === null || bytes === undefined ? null : new TextDecoder().decode(bytes)),
};

/** hyparquet's view of the file, through the host's random access. */
export function asyncBufferOf(bytes: FileBytes): AsyncBuffer {
  const slice = bytes.slice;
  if (slice === undefined || bytes.size === null) throw new Error(`file '${bytes.name}': Parquet needs a file it can read at any offset (not standard input or gzip)`);
  return { byteLength: bytes.size, slice: (start, end) => slice(start, end ?? bytes.size!) };
}

/**
 * Rows [rowStart, rowEnd) of some columns, each as an array of its values
 * (null when missing): hyparquet reads only the row groups (and pages) they lie in.
 */
export async function readParquetColumns(
  file: AsyncBuffer, metadata: FileMetaData, columns: readonly string[], rowStart: number, rowEnd: number,
): Promise<Map<string, unknown[]>> {
  const n = Math.max(0, rowEnd - rowStart);
  const out = new Map<string, unknown[]>(columns.map((c) => [c, new Array<unknown>(n).fill(null)]));
  if (n === 0) return out;
  await parquetRead({
    file, metadata, columns: [...columns], rowStart, rowEnd, parsers: PARQUET_PARSERS,
    onChunk(chunk) {
      const target = out.get(chunk.columnName);
      if (target === undefined) return;
      const data = chunk.columnData as ArrayLike<unknown>;
      const to = Math.min(rowEnd, chunk.rowEnd);
      for (let r = Math.max(rowStart, chunk.rowStart); r < to; r++) target[r - rowStart] = data[r - chunk.rowStart] ?? null;
    },
  });
  return out;
}

/** The engine's type of a flat column, or null for what it cannot hold (nested columns). */
function fieldType(e: SchemaElement): Exclude<FieldType, 'time'> | 'time' | null {
  if (e.num_children !== undefined && e.num_children > 0) return null;
  if (e.repetition_type === 'REPEATED') return null;
  const logical = e.logical_type?.type;
  const converted = e.converted_type;
  if (logical === 'TIMESTAMP' || logical === 'DATE' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || converted === 'DATE') return 'time';
  if (e.type === 'INT96') return 'time';
  if (converted === 'DECIMAL' || logical === 'DECIMAL' || logical === 'FLOAT16') return 'number';
  switch (e.type) {
    case 'BOOLEAN': return 'boolean';
    case 'INT32': case 'INT64': case 'FLOAT': case 'DOUBLE': return 'number';
    default: return 'string';
  }
}

/** The top-level flat columns of a file, in order; nested ones are left out. */
export function parquetFields(metadata: FileMetaData): { fields: Field[]; skipped: string[] } {
  const fields: Field[] = [];
  const skipped: string[] = [];
  const schema = metadata.schema;
  // schema[0] is the root; its children follow depth-first, each group with its own children after it.
  let i = 1;
  const rootChildren = schema[0]?.num_children ?? 0;
  for (let c = 0; c < rootChildren && i < schema.length; c++) {
    const e = schema[i]!;
    const type = fieldType(e);
    if (type === null) skipped.push(e.name);
    else fields.push({ name: e.name, type });
    // Skip the element and everything under it.
    let pending = 1;
    while (pending > 0 && i < schema.length) {
      pending += (schema[i]!.num_children ?? 0) - 1;
      i++;
    }
  }
  return { fields, skipped };
}

/** Reads the footer; the event-time field must be a flat column (a timestamp, a date, epoch numbers or ISO text). */
/** What sniffing a Parquet file needs of the source's params (index.ts's SniffOptions has them). */
export interface ParquetSniffOptions {
  readonly eventTime: string;
  readonly timeFormat: 'auto' | TimeFormat;
}

export async function sniffParquet(bytes: FileBytes, options: ParquetSniffOptions): Promise<SniffResult> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(asyncBufferOf(bytes), { parsers: PARQUET_PARSERS });
  } catch (error) {
    return { ok: false, message: `file '${bytes.name}' is not a Parquet file hyparquet can read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { fields } = parquetFields(metadata);
  const field = options.eventTime;
  const at = fields.findIndex((f) => f.name === field);
  if (at < 0) return { ok: false, message: `Event-time field "${field}" not found. The file has the fields: ${fields.map((f) => f.name).join(', ')}.` };
  if (Number(metadata.num_rows) === 0) return { ok: false, message: 'The file has no data rows.' };
  const type = fields[at]!.type;
  let timeFormat: TimeFormat;
  if (type === 'time') timeFormat = 'epochMillis';
  else if (type === 'boolean') return { ok: false, message: `Event-time field "${field}" holds booleans, not times.` };
  else if (options.timeFormat !== 'auto') timeFormat = options.timeFormat;
  else if (type === 'string') timeFormat = 'iso';
  else timeFormat = chooseTimeFormat(await headValues(bytes, metadata, field));
  const layoutFields = fields.map((f, i) => (i === at ? { name: f.name, type: 'time' as const } : f));
  return { ok: true, layout: { format: 'parquet', delimiter: ',', fields: layoutFields, eventTime: field, timeFormat, dataStart: { offset: 0, line: 1 } } };
}

/** Up to 1,000 values of a column from the file's start, for the choice of epoch seconds or milliseconds. */
async function headValues(bytes: FileBytes, metadata: FileMetaData, column: string): Promise<RawValue[]> {
  const columns = await readParquetColumns(asyncBufferOf(bytes), metadata, [column], 0, Math.min(1000, Number(metadata.num_rows)));
  const values = columns.get(column) ?? [];
  return Array.from({ length: Math.min(1000, Number(metadata.num_rows)) }, (_, i) => {
    const v = values[i] as unknown;
    return typeof v === 'bigint' ? Number(v) : (v as RawValue);
  });
}
