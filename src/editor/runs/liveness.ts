/**
 * Which recorded runs are still being written by a live page. A run holds a
 * Web Lock named after it while it is recorded; the browser releases it when
 * the page (or tab) dies, so on the next load a record still marked running
 * whose lock nobody holds belongs to a page that crashed or was closed, while
 * one another open tab is running keeps its state.
 */
export interface RunLiveness {
  /** Holds `id`'s lock until the returned function is called. */
  hold(id: string): () => void;
  /** The ids whose locks some page holds or waits for. */
  held(): Promise<ReadonlySet<string>>;
}

const PREFIX = 'windowpane-run:';

/** Web Locks when the browser has them; otherwise no run is known alive (each running record counts as crashed). */
export function webLocksLiveness(): RunLiveness {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks === undefined) return { hold: () => () => undefined, held: async () => new Set() };
  return {
    hold(id) {
      let release = (): void => undefined;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      locks.request(PREFIX + id, () => released).catch((error: unknown) => console.warn('Could not hold the run lock:', error));
      return release;
    },
    async held() {
      const state = await locks.query();
      const names = [...(state.held ?? []), ...(state.pending ?? [])].map((l) => l.name ?? '');
      return new Set(names.filter((n) => n.startsWith(PREFIX)).map((n) => n.slice(PREFIX.length)));
    },
  };
}

/** For tests: the ids in `alive` are held. */
export function fixedLiveness(alive: Iterable<string> = []): RunLiveness & { readonly alive: Set<string> } {
  const set = new Set(alive);
  return {
    alive: set,
    hold(id) {
      set.add(id);
      return () => set.delete(id);
    },
    held: async () => new Set(set),
  };
}
