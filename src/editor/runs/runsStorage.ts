/**
 * Where the history of runs lives: its own IndexedDB database
 * (`windowpane-runs`), one object store, two keys per run: `run:ID` (the
 * summary the list shows) and `results:ID` (the rows), so listing the
 * history never reads results. Values come back as unknown: a reader
 * validates them (see ./runRecordSchema.ts).
 */
import { createStore, promisifyRequest } from 'idb-keyval';

export interface RunsStorage {
  /** Every stored summary, as stored (unknown: another version, or damaged, may be there). */
  summaries(): Promise<readonly (readonly [string, unknown])[]>;
  get(key: string): Promise<unknown>;
  /** One transaction: puts `entries`, deletes `remove`. */
  write(entries: readonly (readonly [string, unknown])[], remove?: readonly string[]): Promise<void>;
}

export const RUNS_DATABASE = 'windowpane-runs';
const STORE = 'runs';

export const summaryKey = (id: string): string => `run:${id}`;
export const resultsKey = (id: string): string => `results:${id}`;

/** IndexedDB through idb-keyval's store helper; throws when IndexedDB is missing. */
export function indexedDbRunsStorage(databaseName = RUNS_DATABASE): RunsStorage {
  const store = createStore(databaseName, STORE);
  return {
    summaries: () => store('readonly', async (objects) => {
      // `run:` up to `run;` (the next character): every summary key and nothing else.
      const range = IDBKeyRange.bound('run:', 'run;', false, true);
      const [keys, values] = await Promise.all([promisifyRequest(objects.getAllKeys(range)), promisifyRequest(objects.getAll(range))]);
      return keys.map((k, i) => [String(k), values[i]] as const);
    }),
    get: (key) => store('readonly', (objects) => promisifyRequest<unknown>(objects.get(key))),
    write: (entries, remove = []) => store('readwrite', (objects) => {
      for (const [key, value] of entries) objects.put(value, key);
      for (const key of remove) objects.delete(key);
      const done = promisifyRequest(objects.transaction);
      // Committed at once: a write started as the page goes would otherwise be thrown away with it.
      if (typeof objects.transaction.commit === 'function') objects.transaction.commit();
      return done;
    }),
  };
}

/** Storage for as long as the page lasts: without IndexedDB, and in tests. Values are cloned, as IndexedDB does. */
export function memoryRunsStorage(initial: Iterable<readonly [string, unknown]> = []): RunsStorage & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>([...initial].map(([k, v]) => [k, structuredClone(v)]));
  return {
    data,
    summaries: async () => [...data].filter(([k]) => k.startsWith('run:')).map(([k, v]) => [k, structuredClone(v)] as const),
    get: async (key) => structuredClone(data.get(key)),
    write: async (entries, remove = []) => {
      for (const [k, v] of entries) data.set(k, structuredClone(v));
      for (const k of remove) data.delete(k);
    },
  };
}
