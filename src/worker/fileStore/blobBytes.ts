/**
 * A Blob as the FileBytes of a streamed file source (see
 * engine/sources/file/stream/types.ts): chunks by Blob.stream(), ranges by
 * Blob.slice(), and gzip undone by DecompressionStream. Works in the page
 * and in the worker.
 *
 * A run reads its file by `readReused`: one buffer filled again and again by
 * a BYOB reader, where `Blob.stream()`'s own reader hands over a fresh
 * ArrayBuffer per chunk (1 GB of them for a 1 GB file: external memory that
 * started most of the worker's major garbage collections).
 */
import type { FileBytes } from '../../engine/sources/file/stream/types';
import { startsLikeGzip } from '../../engine/sources/file/stream/gzip';

/** Yields the chunks of a stream; breaking out of the loop cancels it. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** How much a reused read asks for at a time. */
export const REUSED_CHUNK_BYTES = 256 * 1024;

/**
 * Yields the bytes of a byte stream read into one buffer, again and again:
 * each chunk is a view of that buffer, valid until the next is asked for
 * (a BYOB read detaches the view it fills and hands back the same memory).
 * A stream without BYOB reads (not a byte stream) is read chunk by chunk.
 */
async function* reusedChunksOf(stream: ReadableStream<Uint8Array>, bufferBytes: number): AsyncGenerator<Uint8Array> {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = stream.getReader({ mode: 'byob' });
  } catch {
    yield* chunksOf(stream);
    return;
  }
  let buffer = new ArrayBuffer(bufferBytes);
  try {
    for (;;) {
      const { done, value } = await reader.read(new Uint8Array(buffer));
      if (done) return;
      buffer = value.buffer;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Skips the first `skip` bytes of `chunks` (for a stream that cannot seek). */
async function* skipBytes(chunks: AsyncIterable<Uint8Array>, skip: number): AsyncGenerator<Uint8Array> {
  let left = skip;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** True when the Blob starts with gzip's magic bytes 1f 8b. */
export async function isGzipBlob(blob: Blob): Promise<boolean> {
  return startsLikeGzip(new Uint8Array(await blob.slice(0, 2).arrayBuffer()));
}

/** The bytes of `blob`; `gzip`: the blob is gzip and its decompressed bytes are read (no seeking, no size). */
export function blobBytes(blob: Blob, name: string, gzip = false): FileBytes {
  if (gzip) {
    return {
      name,
      size: null,
      read: (offset) => skipBytes(chunksOf(blob.stream().pipeThrough(new DecompressionStream('gzip'))), offset),
    };
  }
  return {
    name,
    size: blob.size,
    read: (offset) => chunksOf(blob.slice(offset).stream()),
    readReused: (offset) => reusedChunksOf(blob.slice(offset).stream(), REUSED_CHUNK_BYTES),
    slice: (start, end) => blob.slice(start, end).arrayBuffer(),
  };
}
