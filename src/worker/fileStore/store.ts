/**
 * The app's file store (see ./types.ts) over IndexedDB: one record per
 * content hash, holding the Blob itself, so the browser keeps the bytes on
 * disk and neither the document nor the JS heap ever holds the whole file.
 * The page writes it (a dropped or chosen file); the worker reads it by hash.
 */
import { createSHA256 } from 'hash-wasm';
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { FILE_STORE_DB, FILE_STORE_NAME, type FileStore, type StoredFileRecord } from './types';

/** How much of a file is hashed per step: large enough to be fast, small enough that no step is a long task. */
export const HASH_CHUNK_BYTES = 4 << 20;

/** A file the store could not keep; `quota` when the browser's storage is full. The document stays unchanged. */
export class FileStoreError extends Error {
  constructor(message: string, readonly quota: boolean) {
    super(message);
    this.name = 'FileStoreError';
  }
}

/** "12.3 MB", "850 KB", "12 bytes": a file's size for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** How much is hashed in one task: about 10-20 ms of SHA-256 even on a slow, busy machine. */
const HASH_STEP_BYTES = 1 << 20;

/** Ends the current task, so the page paints and answers input (a message is not clamped as nested timeouts are). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The SHA-256 of `blob` as `sha256:<hex>`, read slice by slice; `onProgress` hears bytes hashed. */
export async function hashBlob(blob: Blob, onProgress?: (bytesDone: number) => void): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let start = 0; start < blob.size; start += HASH_CHUNK_BYTES) {
    const chunk = new Uint8Array(await blob.slice(start, start + HASH_CHUNK_BYTES).arrayBuffer());
    // A whole slice at once is a long task (60-100 ms measured on a 200 MB file): a step per task instead.
    for (let at = 0; at < chunk.length; at += HASH_STEP_BYTES) {
      if (at > 0) await nextTask();
      hasher.update(chunk.subarray(at, at + HASH_STEP_BYTES));
    }
    onProgress?.(Math.min(blob.size, start + chunk.length));
  }
  return `sha256:${hasher.digest('hex')}`;
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  return name === 'QuotaExceededError' || (name === 'AbortError' && /quota/i.test(String((error as { message?: unknown }).message)));
}

/** How much more this site may store, for the quota message ('' when the browser does not say). */
async function spaceLeft(): Promise<string> {
  try {
    const estimate = await navigator.storage.estimate();
    if (estimate.quota === undefined || estimate.usage === undefined) return '';
    return ` (about ${formatBytes(Math.max(0, estimate.quota - estimate.usage))} left for this site)`;
  } catch {
    return '';
  }
}

let askedToPersist = false;

/**
 * Asks once per page that the browser keep this site's storage when space
 * runs low: stored files are the only copy the app has. A refusal changes
 * nothing but that (the browser may then clear them, and nodes show the
 * missing-file action).
 */
function askToPersist(): void {
  if (askedToPersist || typeof navigator === 'undefined' || navigator.storage?.persist === undefined) return;
  askedToPersist = true;
  void navigator.storage.persisted().then((already) => (already ? true : navigator.storage.persist())).catch(() => false);
}

/** A store over the IndexedDB database `database` (tests give their own name). */
export function createFileStore(database: string = FILE_STORE_DB): FileStore {
  let idb: UseStore | null = null;
  // Opened on first use: a page that never stores a file never creates the database.
  const db = (): UseStore => (idb ??= createStore(database, FILE_STORE_NAME));

  const read = async (hash: string): Promise<StoredFileRecord | null> => (await get<StoredFileRecord>(hash, db())) ?? null;

  return {
    get: read,
    async put(file, name, onProgress) {
      const hash = await hashBlob(file, onProgress);
      const known = await read(hash);
      if (known !== null) return known;
      askToPersist();
      const record: StoredFileRecord = { hash, size: file.size, name, storedAt: Date.now(), blob: file };
      try {
        await set(hash, record, db());
      } catch (error) {
        if (isQuotaError(error)) {
          throw new FileStoreError(`${name} (${formatBytes(file.size)}) could not be kept: this browser's storage for Windowpane is full${await spaceLeft()}. Free some space (delete other sites' data or old files) and try again.`, true);
        }
        throw new FileStoreError(`${name} could not be kept in this browser: ${error instanceof Error ? error.message : String(error)}`, false);
      }
      return record;
    },
  };
}

let shared: FileStore | null = null;

/** The page's (or worker's) one store over the app's database. */
export function fileStore(): FileStore {
  return (shared ??= createFileStore());
}
