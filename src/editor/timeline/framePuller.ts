/**
 * Pulls timeline frames at the page's pace: at most one request in flight,
 * a new one on the next animation frame only when something may have changed
 * (the run moved, the query changed), so a running pipeline is asked about
 * once a frame and a paused one once, after it stops.
 */
import type { TimelineFrame, TimelineQuery } from '../../worker/timelineTypes';
import type { TimelineSource } from './timelineSource';

export interface FramePullerOptions {
  readonly source: TimelineSource;
  readonly onFrame: (frame: TimelineFrame | null, query: TimelineQuery) => void;
  readonly requestFrame: (callback: () => void) => number;
  readonly cancelFrame: (handle: number) => void;
}

export interface FramePuller {
  /** What to ask for; null asks nothing. */
  setQuery(query: TimelineQuery | null): void;
  /** Ask again on the next frame (a change the source does not announce). */
  refresh(): void;
  dispose(): void;
}

export function createFramePuller({ source, onFrame, requestFrame, cancelFrame }: FramePullerOptions): FramePuller {
  let query: TimelineQuery | null = null;
  let dirty = true;
  let inFlight = false;
  let disposed = false;
  let handle: number | null = null;

  const schedule = (): void => {
    if (handle === null && !disposed && dirty && !inFlight && query !== null) handle = requestFrame(tick);
  };
  const tick = (): void => {
    handle = null;
    if (disposed || inFlight || query === null || !dirty) return;
    const asked = query;
    dirty = false;
    inFlight = true;
    source.frame(asked).then(
      (frame) => {
        inFlight = false;
        // An answer to a query no longer shown is dropped; the current one is asked next.
        if (!disposed && asked === query) onFrame(frame, asked);
        else dirty = true;
        schedule();
      },
      (error: unknown) => {
        inFlight = false;
        console.error('Asking for the timeline failed:', error);
      },
    );
  };
  const unsubscribe = source.onChange(() => {
    dirty = true;
    schedule();
  });
  return {
    setQuery(next) {
      query = next;
      dirty = true;
      schedule();
    },
    refresh() {
      dirty = true;
      schedule();
    },
    dispose() {
      disposed = true;
      unsubscribe();
      if (handle !== null) cancelFrame(handle);
      handle = null;
    },
  };
}
