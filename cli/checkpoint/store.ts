/**
 * A checkpoint on disk, written atomically: the bytes go to a temporary file
 * beside it, which is fsynced, renamed over the checkpoint and the directory
 * fsynced, so after a crash DIR holds the old checkpoint or the new one,
 * whole, never a mix. Reading checks the shape and says what is wrong.
 */
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { CHECKPOINT_FILE, CHECKPOINT_FORMAT, type CliCheckpoint } from './format';

/** The file starts with this, then the SHA-256 of the rest, then the v8-serialized checkpoint. */
const MAGIC = Buffer.from('windowpane-checkpoint\n');
const HASH_BYTES = 32;

/** A checkpoint as the bytes of its file. */
export function encodeCheckpoint(checkpoint: CliCheckpoint): Buffer {
  const body = serialize(checkpoint);
  const hash = createHash('sha256').update(body).digest();
  return Buffer.concat([MAGIC, hash, body]);
}

/** The checkpoint in a file's bytes, or what is wrong with them (no file name: the caller adds it). */
export function decodeCheckpoint(bytes: Uint8Array): { ok: true; checkpoint: CliCheckpoint } | { ok: false; problem: string } {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (all.length < MAGIC.length || !all.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, problem: 'it is not a windowpane checkpoint (it does not start as one)' };
  if (all.length < MAGIC.length + HASH_BYTES) return { ok: false, problem: `it is truncated (${all.length} bytes)` };
  const body = all.subarray(MAGIC.length + HASH_BYTES);
  const hash = createHash('sha256').update(body).digest();
  if (!hash.equals(all.subarray(MAGIC.length, MAGIC.length + HASH_BYTES))) return { ok: false, problem: `it is corrupt: its ${all.length} bytes do not match the checksum written with them (truncated or overwritten)` };
  let value: unknown;
  try {
    value = deserialize(body);
  } catch {
    return { ok: false, problem: 'it is corrupt: its content does not read back' };
  }
  const problem = checkpointProblem(value);
  return problem === null ? { ok: true, checkpoint: value as CliCheckpoint } : { ok: false, problem };
}

/** The checkpoint file of directory `dir`. */
export const checkpointPath = (dir: string): string => join(dir, CHECKPOINT_FILE);

/** fsyncs a directory, so a rename in it survives a crash (where the platform lets a directory be opened). */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, constants.O_RDONLY);
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync of a directory; the rename is still atomic.
  } finally {
    await handle.close();
  }
}

/** Creates `dir` if needed (and makes that durable). */
export async function prepareDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await syncDir(join(dir, '..'));
}

/** Writes `bytes` (a serialized checkpoint) as DIR's checkpoint, atomically and durably. */
export async function writeCheckpointBytes(dir: string, bytes: Uint8Array): Promise<void> {
  const final = checkpointPath(dir);
  const temp = `${final}.tmp`;
  const handle = await open(temp, 'w');
  try {
    let done = 0;
    while (done < bytes.length) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temp, final);
  await syncDir(dir);
}

export type ReadCheckpoint =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly checkpoint: CliCheckpoint }
  | { readonly kind: 'bad'; readonly message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a deserialized value as a checkpoint, or null when it has a checkpoint's shape. */
export function checkpointProblem(value: unknown): string | null {
  if (!isRecord(value) || typeof value['format'] !== 'number') return 'it is not a windowpane checkpoint';
  if (value['format'] !== CHECKPOINT_FORMAT) return `it is of checkpoint format ${String(value['format'])}, this windowpane reads format ${CHECKPOINT_FORMAT}`;
  const output = value['output'];
  const shaped = typeof value['pipelineVersion'] === 'string' && typeof value['takenAt'] === 'number' && typeof value['events'] === 'number'
    && typeof value['finished'] === 'boolean' && isRecord(value['snapshot']) && Array.isArray(value['inputs']) && Array.isArray(value['logged'])
    && (value['late'] === null || Array.isArray(value['late'])) && (value['limit'] === null || typeof value['limit'] === 'number')
    && isRecord(output) && typeof output['path'] === 'string' && (output['format'] === 'ndjson' || output['format'] === 'csv')
    && Number.isSafeInteger(output['bytes']) && Number.isSafeInteger(output['rows']);
  return shaped ? null : 'it is incomplete (fields of a checkpoint are missing)';
}

/** DIR's checkpoint: none there, the checkpoint, or why it cannot be read (naming the file). */
export async function readCheckpoint(dir: string): Promise<ReadCheckpoint> {
  const path = checkpointPath(dir);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'bad', message: `${path}: cannot read the checkpoint: ${error instanceof Error ? error.message : String(error)}` };
  }
  const decoded = decodeCheckpoint(bytes);
  if (!decoded.ok) return { kind: 'bad', message: `${path}: cannot resume from this checkpoint: ${decoded.problem}` };
  return { kind: 'ok', checkpoint: decoded.checkpoint };
}
