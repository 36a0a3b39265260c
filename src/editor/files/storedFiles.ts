/**
 * Which stored files this browser has, for the nodes that refer to them: a
 * node asks by hash and is redrawn when the answer comes (IndexedDB answers
 * asynchronously) or changes (the file was chosen again).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { fileStore } from '../../worker/fileStore/store';

/** `checking` until the store has answered. */
export type Presence = 'checking' | 'present' | 'missing';

const known = new Map<string, Presence>();
const listeners = new Set<() => void>();

function settle(hash: string, presence: Presence): void {
  if (known.get(hash) === presence) return;
  known.set(hash, presence);
  for (const listener of listeners) listener();
}

/** Asks the store about `hash` once; later asks reuse the answer. */
function check(hash: string): void {
  if (known.has(hash)) return;
  known.set(hash, 'checking');
  fileStore().get(hash).then((record) => settle(hash, record === null ? 'missing' : 'present'), () => settle(hash, 'missing'));
}

/** Notes that `hash` is now stored (a file was dropped or chosen). */
export function markStored(hash: string): void {
  settle(hash, 'present');
}

/** Forgets every answer, so the next ask reads the store again (tests; storage cleared). */
export function forgetPresence(): void {
  known.clear();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether this browser has the stored file `hash` (undefined for no hash). */
export function useStoredPresence(hash: string | undefined): Presence | undefined {
  useEffect(() => {
    if (hash !== undefined) check(hash);
  }, [hash]);
  return useSyncExternalStore(subscribe, () => (hash === undefined ? undefined : known.get(hash) ?? 'checking'));
}
