import { useQuery } from '@tanstack/react-query';
import { fetchStreams, type ServerStream } from './streamCatalog';
import { sampleServerBase } from './serverUrl';

export interface SampleStreams {
  readonly base: string;
  /** 'offline' when the server cannot be reached (the app works on with built-in sources). */
  readonly status: 'loading' | 'online' | 'offline';
  readonly streams: readonly ServerStream[];
}

/** Looks again now and then while offline, so starting the server later is noticed. */
const OFFLINE_POLL_MS = 15_000;

/** The sample server's streams, through react-query: one quiet retry, then "offline" until it answers. */
export function useSampleStreams(): SampleStreams {
  const base = sampleServerBase();
  const query = useQuery({
    queryKey: ['sampleStreams', base],
    queryFn: ({ signal }) => fetchStreams(base, signal),
    retry: 1,
    retryDelay: 1000,
    staleTime: 60_000,
    refetchInterval: (q) => (q.state.status === 'error' ? OFFLINE_POLL_MS : false),
  });
  const status = query.data !== undefined ? 'online' : query.isError ? 'offline' : 'loading';
  return { base, status, streams: query.data ?? [] };
}
