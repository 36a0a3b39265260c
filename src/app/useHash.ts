import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function snapshot(): string {
  return window.location.hash;
}

/** The current URL hash, so the selection lives in the address bar (linkable, Back works). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, snapshot, () => '');
}
