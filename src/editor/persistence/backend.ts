import { createStore, get, promisifyRequest } from 'idb-keyval';

/**
 * The little a pipeline library needs from storage. `setMany` and `delMany`
 * are each one transaction, and transactions apply in the order they were
 * started, so the last write started is the one that stays.
 */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  setMany(entries: readonly (readonly [string, unknown])[]): Promise<void>;
  delMany(keys: readonly string[]): Promise<void>;
}

/** The database the editor's pipelines live in: its own, so no other use of idb-keyval can collide with it. */
const DATABASE_NAME = 'windowpane-documents';
const STORE_NAME = 'pipelines';

/**
 * Ends a write transaction as soon as its requests are queued. Without this
 * it commits only once the page returns to its event loop, and a transaction
 * started in `pagehide` never gets there: Chromium throws it away with the
 * page, so the edit made just before a reload was lost. Older browsers without
 * `commit()` still commit on their own.
 */
function commitNow(transaction: IDBTransaction): Promise<void> {
  const done = promisifyRequest(transaction);
  if (typeof transaction.commit === 'function') transaction.commit();
  return done;
}

/** IndexedDB through idb-keyval, in a named database and object store. Throws when IndexedDB is missing. */
export function indexedDbBackend(databaseName = DATABASE_NAME, storeName = STORE_NAME): KeyValueBackend {
  const store = createStore(databaseName, storeName);
  return {
    get: (key) => get<unknown>(key, store),
    setMany: (entries) => store('readwrite', (objects) => {
      for (const [key, value] of entries) objects.put(value, key);
      return commitNow(objects.transaction);
    }),
    delMany: (keys) => store('readwrite', (objects) => {
      for (const key of keys) objects.delete(key);
      return commitNow(objects.transaction);
    }),
  };
}

/**
 * Storage that lasts as long as the page: the fallback when IndexedDB is not
 * available (some private windows), and the backend of unit tests. Values are
 * cloned on the way in and out, as IndexedDB does.
 */
export function memoryBackend(initial: Iterable<readonly [string, unknown]> = []): KeyValueBackend & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>([...initial].map(([k, v]) => [k, structuredClone(v)]));
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    setMany: async (entries) => {
      for (const [k, v] of entries) data.set(k, structuredClone(v));
    },
    delMany: async (keys) => {
      for (const k of keys) data.delete(k);
    },
  };
}
