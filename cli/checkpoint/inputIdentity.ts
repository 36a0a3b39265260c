/**
 * Who an input file is: its size, modification time and a hash of its first
 * and last bytes. A resumed run reads on from a byte position, which only
 * means the same rows in the same file: a file that changed is refused.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Bytes hashed at each end: enough to tell an edited or replaced file, cheap for a 1 GB one. */
const END_BYTES = 64 * 1024;

export interface InputIdentity {
  readonly node: string;
  /** Absolute path. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** SHA-256 of the first and the last END_BYTES bytes, hex. */
  readonly ends: string;
}

async function hashEnds(path: string, size: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    const head = Buffer.alloc(Math.min(END_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    hash.update(head);
    const tailStart = Math.max(head.length, size - END_BYTES);
    const tail = Buffer.alloc(size - tailStart);
    await handle.read(tail, 0, tail.length, tailStart);
    hash.update(tail);
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

/** The identity of input file `path` of node `node`. */
export async function identifyInput(node: string, path: string): Promise<InputIdentity> {
  const info = await stat(path);
  return { node, path: resolve(path), size: info.size, mtimeMs: info.mtimeMs, ends: await hashEnds(path, info.size) };
}

/** Why input `now` is not the file the checkpoint read (`then`), or null when it is the same. */
export function inputChange(then: InputIdentity, now: InputIdentity): string | null {
  if (then.node !== now.node) return `it was the input of node '${then.node}', now of '${now.node}'`;
  if (then.path !== now.path) return `the checkpoint read ${then.path}, this run ${now.path}`;
  if (then.size !== now.size) return `its size was ${then.size} bytes, now ${now.size}`;
  if (then.mtimeMs !== now.mtimeMs) return `it was modified at ${new Date(now.mtimeMs).toISOString()}, after the checkpoint read it (${new Date(then.mtimeMs).toISOString()})`;
  if (then.ends !== now.ends) return 'its first or last bytes differ';
  return null;
}
