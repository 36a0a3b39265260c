/**
 * A supply of rows with the reading that fills it: the streamed source holds
 * one from a resume point on, and makes a new one there after a restore.
 */
import type { EventTimeRange } from '../../../../model';
import type { StringDict } from '../../../batch';
import { createRowParser } from './index';
import type { FileBytes, FileLayout, FilePosition, RowParser, RowSupply } from './types';

export interface SupplyFeed {
  readonly supply: RowSupply;
  /** Reads a little more into the supply (a chunk, a row group); at the end of the file the supply ends. */
  more(): Promise<void>;
  /** Bytes of the file consumed so far, counted from its start (the resume point's share for Parquet). */
  readonly bytesRead: number;
  /** Ends the read under way, if any. */
  close(): void;
}

/**
 * Opens a feed whose first row is the one at `from`. `dicts`: the source's
 * dictionaries by field, which a supply may code its strings in (the Parquet
 * reader does; a text parser makes its own and the source maps its codes).
 */
export type OpenFeed = (from: FilePosition, dicts: ReadonlyMap<string, StringDict>) => SupplyFeed;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A read error, naming the file. */
export function readFailed(bytes: FileBytes, error: unknown): Error {
  return new Error(`file '${bytes.name}' could not be read: ${messageOf(error)}`, { cause: error });
}

/** A text file (CSV, TSV, NDJSON, JSON array) read chunk by chunk from `from` into a RowParser. */
export function textFeed(
  bytes: FileBytes, layout: FileLayout, timeRange: EventTimeRange,
  parserAt: (from: FilePosition) => RowParser = (from) => createRowParser(layout, { timeRange }, from),
): OpenFeed {
  return (from) => {
    const parser = parserAt(from);
    let chunks: AsyncIterator<Uint8Array> | null = null;
    let read = from.offset;
    return {
      supply: parser,
      get bytesRead() {
        return read;
      },
      async more() {
        // The parser copies the bytes it keeps past a push, so reused chunks are safe here.
        chunks ??= (bytes.readReused !== undefined ? bytes.readReused(from.offset) : bytes.read(from.offset))[Symbol.asyncIterator]();
        let next: IteratorResult<Uint8Array>;
        try {
          next = await chunks.next();
        } catch (error) {
          chunks = null;
          throw readFailed(bytes, error);
        }
        if (next.done === true) {
          chunks = null;
          parser.end();
          return;
        }
        read += next.value.length;
        parser.push(plainBytes(next.value));
      },
      close() {
        const open = chunks;
        chunks = null;
        // Breaking out of the iteration ends the host's read (closes the file, cancels the Blob stream).
        if (open?.return !== undefined) void open.return().catch(() => undefined);
      },
    };
  };
}

/**
 * The chunk as a plain Uint8Array over the same memory. Node's streams give
 * Buffers (a subclass): scanners that met both Buffers and their own
 * Uint8Arrays had polymorphic byte loads, and the CLI parsed a third slower.
 */
function plainBytes(chunk: Uint8Array): Uint8Array {
  return chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
