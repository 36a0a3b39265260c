import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/** The process's way out for results: `path` created or truncated (resolves once it is open, rejects when it cannot be), or standard output for null. */
export async function openFileOutput(path: string | null): Promise<Writable> {
  if (path === null) return process.stdout;
  const stream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return stream;
}
