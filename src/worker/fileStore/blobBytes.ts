/**
 * A Blob as the FileBytes of a streamed file source (see
 * engine/sources/file/stream/types.ts): chunks by Blob.stream(), ranges by
 * Blob.slice(), and gzip undone by DecompressionStream. Works in the page
 * and in the worker.
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
    slice: (start, end) => blob.slice(start, end).arrayBuffer(),
  };
}
