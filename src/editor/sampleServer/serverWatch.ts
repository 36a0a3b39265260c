import type { QueryClient } from '@tanstack/react-query';
import { createRetrySchedule, type RetrySchedule, type Scheduler } from './retrySchedule';
import { fetchCatalog } from './streamCatalog';

/** The react-query key of a server's stream list. */
export function streamsKey(base: string): readonly [string, string] {
  return ['sampleStreams', base];
}

interface Watch {
  users: number;
  schedule: RetrySchedule;
}

/** One watch per client and server, however many components ask: the palette and a stream picker share it. */
const watches = new WeakMap<QueryClient, Map<string, Watch>>();

function watchesOf(client: QueryClient): Map<string, Watch> {
  let known = watches.get(client);
  if (known === undefined) watches.set(client, (known = new Map()));
  return known;
}

/**
 * Starts looking for the server's streams (or joins the look under way),
 * through react-query so every reader of the key sees the answer, with
 * backoff while the server is away. Returns the function that stops looking
 * once its last user has gone.
 */
export function watchServer(client: QueryClient, base: string, scheduler: Scheduler): () => void {
  const known = watchesOf(client);
  let watch = known.get(base);
  if (watch === undefined) {
    const check = (): Promise<boolean> => client
      .fetchQuery({ queryKey: streamsKey(base), queryFn: ({ signal }) => fetchCatalog(base, signal), retry: false, staleTime: 0 })
      .then(() => true, () => false);
    watch = { users: 0, schedule: createRetrySchedule(check, scheduler) };
    known.set(base, watch);
  }
  watch.users++;
  const mine = watch;
  return () => {
    mine.users--;
    if (mine.users > 0) return;
    mine.schedule.dispose();
    if (known.get(base) === mine) known.delete(base);
  };
}

/** Looks for the server at once while it is away (the window regained focus, or the user asked). */
export function checkServerNow(client: QueryClient, base: string): void {
  if (client.getQueryData(streamsKey(base)) !== undefined) return;
  watchesOf(client).get(base)?.schedule.checkNow();
}
