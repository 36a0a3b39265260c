import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { CHUNK_BYTES } from './stream';

/**
 * What the file stream holds before it asks the run to wait: a few chunks, so
 * the run computes the next chunk while the last ones are written (with the
 * default 16 KiB every 1 MiB chunk made the run wait for the disk).
 */
export const WRITE_AHEAD = 4 * CHUNK_BYTES;

/** The process's way out for results: `path` created or truncated (resolves once it is open, rejects when it cannot be), or standard output for null. */
export async function openFileOutput(path: string | null): Promise<Writable> {
  if (path === null) return process.stdout;
  const stream = createWriteStream(path, { highWaterMark: WRITE_AHEAD });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return stream;
}
