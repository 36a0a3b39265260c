import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { fetchCatalog, type ServerStream, type ServerTopic } from './streamCatalog';
import { sampleServerBase } from './serverUrl';
import { checkServerNow, streamsKey, watchServer } from './serverWatch';

export interface SampleStreams {
  readonly base: string;
  /** 'offline' when the server cannot be reached (the app works on with built-in sources). */
  readonly status: 'loading' | 'online' | 'offline';
  readonly streams: readonly ServerStream[];
  /** The server's topics (its partitioned log), with partitions and offsets as of the last look. */
  readonly topics: readonly ServerTopic[];
  /** Looks for the server at once (a "Check again" button). */
  readonly checkNow: () => void;
}

const browserTimers = {
  setTimeout: (run: () => void, ms: number): unknown => window.setTimeout(run, ms),
  clearTimeout: (handle: unknown): void => window.clearTimeout(handle as number),
};

/**
 * The sample server's streams. The list itself is react-query's; a shared
 * watch (see watchServer) fetches it, and while the server is away looks
 * again with backoff (2 s doubling to about 4 minutes), at once when the
 * window regains focus, and when asked.
 */
export function useSampleStreams(): SampleStreams {
  const base = sampleServerBase();
  const client = useQueryClient();
  // Only reads: the watch does the fetching, so a second component does not knock twice.
  const query = useQuery({ queryKey: streamsKey(base), queryFn: ({ signal }) => fetchCatalog(base, signal), enabled: false, staleTime: Infinity });
  useEffect(() => watchServer(client, base, browserTimers), [client, base]);
  useEffect(() => {
    const wake = (): void => {
      if (document.visibilityState === 'visible') checkServerNow(client, base);
    };
    window.addEventListener('focus', wake);
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('online', wake);
    return () => {
      window.removeEventListener('focus', wake);
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('online', wake);
    };
  }, [client, base]);
  const checkNow = useCallback(() => checkServerNow(client, base), [client, base]);
  // errorUpdateCount outlives a fetch under way, so "offline" does not flicker while it looks again.
  const status = query.data !== undefined ? 'online' : query.errorUpdateCount > 0 ? 'offline' : 'loading';
  return { base, status, streams: query.data?.streams ?? [], topics: query.data?.topics ?? [], checkNow };
}
