/**
 * The results file of a checkpointed run: written from the start on a fresh
 * run, or cut back to the length its checkpoint committed on a resume, so
 * the rows written after that checkpoint (which the resumed run computes
 * again) are not there twice. `sync` fsyncs what was written: a checkpoint
 * records a length only after the bytes up to it are on disk.
 */
import { createWriteStream, fdatasync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { WRITE_AHEAD } from '../out/openOutput';

export interface CommittedFile {
  readonly stream: WriteStream;
  /** The length the file had when opened (0, or the committed length on a resume). */
  readonly startAt: number;
  /** fsyncs every byte the stream has written so far (fdatasync: the data and the length, not the times). */
  sync(): Promise<void>;
}

/** Why the output cannot be rolled back to `bytes`, for the user; null when it can. */
export function rollbackProblem(path: string, size: number | null, bytes: number): string | null {
  if (size === null) return `${path}: the output file of the checkpointed run is gone; it cannot be resumed (run again without --resume)`;
  if (size < bytes) return `${path}: the output file has ${size} bytes, fewer than the ${bytes} its checkpoint committed: it was changed since; run again without --resume`;
  return null;
}

/** Cuts `path` back to `bytes` and makes that durable; throws with rollbackProblem's message when it cannot. */
export async function rollBack(path: string, bytes: number): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(rollbackProblem(path, null, bytes)!);
    throw error;
  }
  try {
    const problem = rollbackProblem(path, (await handle.stat()).size, bytes);
    if (problem !== null) throw new Error(problem);
    await handle.truncate(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Opens the results file: created or truncated (`resumeAt` null), or cut back to `resumeAt` bytes and written after them. */
export async function openCommittedFile(path: string, resumeAt: number | null): Promise<CommittedFile> {
  if (resumeAt !== null) await rollBack(path, resumeAt);
  const stream = createWriteStream(path, resumeAt === null ? { highWaterMark: WRITE_AHEAD } : { flags: 'r+', start: resumeAt, highWaterMark: WRITE_AHEAD });
  const fd = await new Promise<number>((resolve, reject) => {
    stream.once('open', resolve);
    stream.once('error', reject);
  });
  return {
    stream,
    startAt: resumeAt ?? 0,
    sync: () => new Promise<void>((resolve, reject) => {
      fdatasync(fd, (error) => (error ? reject(error) : resolve()));
    }),
  };
}
