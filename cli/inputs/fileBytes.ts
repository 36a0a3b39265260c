/**
 * FileBytes (src/engine/sources/file/stream/types.ts) over a file on disk:
 * plain files seek (`read(offset)` starts a stream there; `slice` reads a
 * range, which Parquet needs), gzip is decompressed by zlib as it is read
 * (its size is unknown, and `read(offset)` decompresses from the start and
 * skips).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FileBytes } from '../../src/engine/sources/file/stream/types';
import { startsLikeGzip } from '../../src/engine/sources/file/stream/gzip';
import { skipBytes } from './skipBytes';

/** Big reads: fewer, larger chunks for the parser (the default is 64 KiB). */
export const READ_CHUNK = 1 << 20;


async function firstBytes(path: string, n: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A file's bytes; gzip (by `.gz` or by its first two bytes) is decompressed. Rejects when the file cannot be opened. */
export async function openFileBytes(path: string): Promise<FileBytes> {
  const info = await stat(path);
  if (info.isDirectory()) throw new Error('is a directory');
  if (path.toLowerCase().endsWith('.gz') || startsLikeGzip(await firstBytes(path, 2))) return gzipFileBytes(path);
  return {
    name: path,
    size: info.size,
    read: (offset) => createReadStream(path, { start: offset, highWaterMark: READ_CHUNK }),
    async slice(start, end) {
      const handle = await open(path, 'r');
      try {
        const buffer = new Uint8Array(Math.max(0, end - start));
        let done = 0;
        while (done < buffer.length) {
          const { bytesRead } = await handle.read(buffer, done, buffer.length - done, start + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return buffer.buffer.slice(0, done);
      } finally {
        await handle.close();
      }
    },
  };
}

function gzipFileBytes(path: string): FileBytes {
  return {
    name: path,
    size: null,
    read: (offset) => skipBytes(gunzipped(path), offset),
  };
}

/** The decompressed bytes of a gzip file; a read error or a corrupt stream rejects the iteration, breaking out closes the file. */
function gunzipped(path: string): AsyncIterable<Uint8Array> {
  // pipeline, not pipe: it forwards the file's errors to the gunzip stream and destroys both together.
  return pipeline(createReadStream(path, { highWaterMark: READ_CHUNK }), createGunzip({ chunkSize: READ_CHUNK }), () => undefined);
}
