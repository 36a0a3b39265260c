/**
 * Checkpoints in IndexedDB, in a database of their own
 * (`windowpane-checkpoints`), keyed by [document id, time taken], the
 * newest few kept per document. The worker writes them (the structured
 * clone happens there, not on the page); the page reads the newest to offer
 * Resume, and deletes a document's when the user starts from the beginning.
 * Values are returned as stored, unknown: checkCheckpoint (./format.ts) checks them.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { Checkpoint } from './format';

export const CHECKPOINT_DB = 'windowpane-checkpoints';
export const CHECKPOINT_STORE = 'checkpoints';
/** Checkpoints kept per document: the newest, and two before it should the newest not load. */
export const KEEP_CHECKPOINTS = 3;

export interface CheckpointStore {
  write(checkpoint: Checkpoint): Promise<void>;
  /** The newest stored value of `documentId`, unchecked; undefined when it has none. */
  newest(documentId: string): Promise<unknown>;
  /** Forgets every checkpoint of `documentId`. */
  clear(documentId: string): Promise<void>;
}

type Key = [string, number];

/** Keys of `documentId`, oldest first; keys of another shape (not ours) are left alone. */
function keysOf(all: readonly IDBValidKey[], documentId: string): Key[] {
  const mine: Key[] = [];
  for (const k of all) {
    if (Array.isArray(k) && k.length === 2 && k[0] === documentId && typeof k[1] === 'number') mine.push([k[0], k[1]]);
  }
  return mine.sort((a, b) => a[1] - b[1]);
}

/** The store over IndexedDB (the page's or the worker's: they share the origin's databases). */
export function idbCheckpointStore(): CheckpointStore {
  let db: UseStore | null = null;
  const store = (): UseStore => (db ??= createStore(CHECKPOINT_DB, CHECKPOINT_STORE));
  // One write after another: the older ones are trimmed by the newer.
  let chain: Promise<void> = Promise.resolve();
  return {
    write(checkpoint) {
      const next = chain.then(async () => {
        await set([checkpoint.documentId, checkpoint.takenAt], checkpoint, store());
        const mine = keysOf(await keys(store()), checkpoint.documentId);
        for (const k of mine.slice(0, Math.max(0, mine.length - KEEP_CHECKPOINTS))) await del(k, store());
      });
      // A failed write (storage full) must not stop the ones after it.
      chain = next.catch(() => undefined);
      return next;
    },
    async newest(documentId) {
      const mine = keysOf(await keys(store()), documentId);
      const last = mine.at(-1);
      return last === undefined ? undefined : get(last, store());
    },
    clear(documentId) {
      // In turn with the writes: a write under way when the run ended must not outlive the clear.
      const next = chain.then(async () => {
        for (const k of keysOf(await keys(store()), documentId)) await del(k, store());
      });
      chain = next.catch(() => undefined);
      return next;
    },
  };
}

/** A store in memory, for tests. */
export function memoryCheckpointStore(): CheckpointStore & { readonly all: Map<string, unknown> } {
  const all = new Map<string, unknown>();
  const keyOf = (id: string, at: number): string => JSON.stringify([id, at]);
  const mine = (id: string): [string, number][] => [...all.keys()].map((k) => JSON.parse(k) as [string, number]).filter(([d]) => d === id).sort((a, b) => a[1] - b[1]);
  return {
    all,
    async write(checkpoint) {
      all.set(keyOf(checkpoint.documentId, checkpoint.takenAt), structuredClone(checkpoint));
      const list = mine(checkpoint.documentId);
      for (const [d, at] of list.slice(0, Math.max(0, list.length - KEEP_CHECKPOINTS))) all.delete(keyOf(d, at));
      return Promise.resolve();
    },
    newest(id) {
      const last = mine(id).at(-1);
      return Promise.resolve(last === undefined ? undefined : all.get(keyOf(last[0], last[1])));
    },
    clear(id) {
      for (const [d, at] of mine(id)) all.delete(keyOf(d, at));
      return Promise.resolve();
    },
  };
}
