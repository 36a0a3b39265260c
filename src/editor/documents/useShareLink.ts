import { useCallback, useEffect, useState } from 'react';
import type { DocumentReading } from '../persistence/savedDocument';
import { readShareFragment } from './share';

/** Removes the fragment without a new history entry or a `hashchange`. */
function clearFragment(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/**
 * The share link the page was opened with (or that was pasted into the
 * address bar since), until it is dealt with; `done` clears the fragment, so
 * a reload does not ask again.
 */
export function useShareLink(): { readonly shared: DocumentReading | undefined; readonly done: () => void } {
  const [shared, setShared] = useState<DocumentReading | undefined>(() => readShareFragment(location.hash));
  useEffect(() => {
    const onHash = (): void => {
      const read = readShareFragment(location.hash);
      if (read !== undefined) setShared(read);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const done = useCallback(() => {
    setShared(undefined);
    if (readShareFragment(location.hash) !== undefined) clearFragment();
  }, []);
  return { shared, done };
}
