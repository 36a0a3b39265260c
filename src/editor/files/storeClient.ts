/**
 * The page's end of the file store worker: started on the first file a user
 * gives and kept for the next. Where workers do not exist (unit tests in
 * Node), the same work runs in-thread.
 */
import * as Comlink from 'comlink';
import type { StoreWorkerApi } from './storeWorkerApi';

let remote: Promise<StoreWorkerApi> | null = null;

async function start(): Promise<StoreWorkerApi> {
  if (typeof Worker === 'undefined') return (await import('./storeWorkerImpl')).createStoreWorker();
  const worker = new Worker(new URL('./storeWorker.ts', import.meta.url), { type: 'module', name: 'windowpane-files' });
  const api = Comlink.wrap<StoreWorkerApi>(worker);
  return {
    describe: (file, name, preferred) => api.describe(file, name, preferred),
    // The callback is proxied: the worker calls it back across the boundary.
    put: (file, name, onProgress) => api.put(file, name, onProgress === undefined ? undefined : Comlink.proxy(onProgress)),
  };
}

/** The file store worker (started once). */
export function storeWorker(): Promise<StoreWorkerApi> {
  return (remote ??= start());
}
