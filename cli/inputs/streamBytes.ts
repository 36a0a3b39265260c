/**
 * FileBytes over a stream that can be read only once (standard input).
 * Sniffing reads the head and the run then reads from the data's start, so
 * the first bytes are kept until the run reads past them; after that a read
 * from an earlier offset (a restore that goes back) is an error saying so.
 * Gzip (by its first two bytes) is decompressed as it comes.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { HEAD_BYTES, type FileBytes } from '../../src/engine/sources/file/stream/types';
import { READ_CHUNK } from './fileBytes';
import { startsLikeGzip } from '../../src/engine/sources/file/stream/gzip';

/** How much of the start is kept for a second read: the sniffed head and some more. */
const KEPT_BYTES = 4 * HEAD_BYTES;

/** `chunks` decompressed when they start like gzip, else as they are. */
async function* maybeGunzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done === true) return;
  const rest = { [Symbol.asyncIterator]: () => iterator };
  if (!startsLikeGzip(first.value)) {
    yield first.value;
    yield* rest;
    return;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield first.value;
    yield* rest;
  }
  yield* Readable.from(all(), { objectMode: false }).pipe(createGunzip({ chunkSize: READ_CHUNK }));
}

/** FileBytes of a one-time stream named `name` ('-' for standard input). */
export function onceBytes(name: string, chunks: AsyncIterable<Uint8Array>): FileBytes {
  const source = maybeGunzip(chunks);
  /** The first bytes read, while fewer than KEPT_BYTES were read; null once dropped. */
  let kept: Uint8Array[] | null = [];
  let keptBytes = 0;
  let ended = false;
  let reading = false;
  async function* read(offset: number): AsyncGenerator<Uint8Array> {
    if (kept === null) throw new Error(`${name === '-' ? 'standard input' : name} cannot be read again from byte ${offset}: it was read once already (give the data as a file to run it so)`);
    if (reading) throw new Error(`${name}: two reads at once of a stream that can be read only once`);
    reading = true;
    try {
      let at = 0;
      for (const chunk of kept) {
        const end = at + chunk.length;
        if (end > offset) yield offset > at ? chunk.subarray(offset - at) : chunk;
        at = end;
      }
      while (!ended) {
        // next() by hand: breaking out of this read must not end the stream for the read after it.
        const next = await source.next();
        if (next.done === true) {
          ended = true;
          break;
        }
        const chunk = next.value;
        if (kept !== null) {
          if (keptBytes + chunk.length <= KEPT_BYTES) {
            kept.push(chunk);
            keptBytes += chunk.length;
          } else {
            kept = null; // read on past the head: the start is gone, memory stays bounded
          }
        }
        const end = at + chunk.length;
        if (end > offset) yield offset > at ? chunk.subarray(offset - at) : chunk;
        at = end;
      }
    } finally {
      reading = false;
    }
  }
  return { name, size: null, read };
}

/** The bytes of an in-memory text or buffer, in chunks of `chunkSize` (tests: the parser sees cuts). */
export function memoryBytes(name: string, data: Uint8Array, chunkSize = READ_CHUNK): FileBytes {
  return {
    name,
    size: data.length,
    async *read(offset) {
      for (let at = offset; at < data.length; at += chunkSize) yield data.subarray(at, Math.min(data.length, at + chunkSize));
    },
    slice: async (start, end) => data.slice(start, end).buffer,
  };
}
