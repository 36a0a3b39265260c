/**
 * What a data file is, read from its head only (so a 1 GB file is described
 * as fast as a small one): format, delimiter, event-time field and fields.
 * The engine's `sniffFile` decides when it can (the same reading a run
 * does); until it can read a format, the head's first MiB is decoded and
 * read by today's whole-text readers.
 */
import { parquetMetadataAsync } from 'hyparquet';
import { sniffFile, HEAD_BYTES, type FileBytes, type FileLayout } from '../../engine/sources/file/stream';
import { blobBytes, isGzipBlob } from '../../worker/fileStore/blobBytes';
import { readHead, TIME_NAMES, type DataFileLayout, type HeadReading } from '../documents/dataFile';

/** The first `limit` bytes `bytes` yields (fewer when the file is shorter), and whether that is all of it. */
async function readStart(bytes: FileBytes, limit: number): Promise<{ head: Uint8Array; whole: boolean }> {
  const parts: Uint8Array[] = [];
  let length = 0;
  let whole = true;
  for await (const chunk of bytes.read(0)) {
    parts.push(chunk);
    length += chunk.length;
    if (length > limit) {
      whole = false;
      break;
    }
  }
  const head = new Uint8Array(Math.min(length, limit));
  let at = 0;
  for (const part of parts) {
    const take = Math.min(part.length, head.length - at);
    head.set(part.subarray(0, take), at);
    at += take;
    if (at === head.length) break;
  }
  return { head, whole };
}

/** How much of the head today's whole-text readers read to guess the format and the event time. */
const GUESS_BYTES = 64 << 10;

function isParquet(name: string, start: Uint8Array): boolean {
  return /\.parquet$/i.test(name) || (start[0] === 0x50 && start[1] === 0x41 && start[2] === 0x52 && start[3] === 0x31);
}

function fromSniffed(layout: FileLayout): DataFileLayout {
  const tsv = layout.format === 'csv' && layout.delimiter === '\t';
  return { format: tsv ? 'tsv' : layout.format, delimiter: layout.delimiter, eventTime: layout.eventTime, fields: layout.fields };
}

/** The top-level column names of a Parquet file, from its footer. */
async function parquetNames(blob: Blob): Promise<string[]> {
  const metadata = await parquetMetadataAsync({ byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() });
  const names: string[] = [];
  // schema[0] is the root; walk its children in order, skipping the insides of nested groups.
  let skip = 0;
  for (const element of metadata.schema.slice(1)) {
    if (skip > 0) {
      skip += (element.num_children ?? 0) - 1;
      continue;
    }
    names.push(element.name);
    skip = element.num_children ?? 0;
  }
  return names;
}

async function describeParquet(blob: Blob, name: string, preferred: string | undefined): Promise<HeadReading> {
  let names: string[];
  try {
    names = await parquetNames(blob);
  } catch (error) {
    return { ok: false, message: `${name} is not a Parquet file that can be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const eventTime = preferred !== undefined && names.includes(preferred) ? preferred : TIME_NAMES.map((p) => names.find((n) => p.test(n))).find((n) => n !== undefined);
  if (eventTime === undefined) return { ok: false, message: `no field of ${name} is named like a time; it has ${names.join(', ')}` };
  const sniffed = await sniffFile(blobBytes(blob, name), { format: 'parquet', eventTime, timeFormat: 'auto' });
  return sniffed.ok ? { ok: true, layout: fromSniffed(sniffed.layout), rows: 0 } : { ok: false, message: `${name}: ${sniffed.message}` };
}

/**
 * Describes the data file `blob` called `name`. `preferred`: the event-time
 * field a node already has, kept when the file has it. `rows` counts the
 * rows of the head that was read (0 when the engine sniffed it).
 */
export async function describeDataFile(blob: Blob, name: string, preferred?: string): Promise<HeadReading> {
  const gzip = /\.gz$/i.test(name) || await isGzipBlob(blob);
  const innerName = name.replace(/\.gz$/i, '');
  const start = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  if (!gzip && isParquet(innerName, start)) return describeParquet(blob, name, preferred);
  const bytes = blobBytes(blob, name, gzip);
  let head: Uint8Array;
  let whole: boolean;
  try {
    ({ head, whole } = await readStart(bytes, HEAD_BYTES));
  } catch (error) {
    return { ok: false, message: `${name} could not be read${gzip ? ' as gzip' : ''}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // The guess of format and event time needs a few hundred rows, not the whole head: reading a MiB
  // whole-text would block the page for a second. Decoded loosely: a multi-byte character cut at the
  // end is one replacement character on a line that is cut off anyway.
  const guessed = head.subarray(0, GUESS_BYTES);
  const read = readHead(innerName, new TextDecoder().decode(guessed), whole && guessed.length === head.length, preferred);
  if (!read.ok) return read;
  const format = read.layout.format === 'tsv' ? 'csv' : read.layout.format;
  if (format === 'parquet') return read;
  const sniffed = await sniffFile(bytes, { format, eventTime: read.layout.eventTime, timeFormat: 'auto', delimiter: read.layout.delimiter });
  // The engine's own sniffing is what a run will use; the head reading stands in for a format it cannot sniff yet.
  return sniffed.ok ? { ok: true, layout: fromSniffed(sniffed.layout), rows: read.rows } : read;
}
