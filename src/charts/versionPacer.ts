import type { Observable } from './types';

export interface VersionPacerDeps {
  readonly source: Observable;
  /** The least time between two versions shown as the source changes (0: every frame). */
  readonly minIntervalMs: number;
  /** Called with the version to show, always from a frame. */
  show(version: number): void;
  /** Given the frame's time, as requestAnimationFrame does. */
  requestFrame(callback: (now: number) => void): number;
  cancelFrame(handle: number): void;
  /** Runs `callback` after `delayMs` and returns its cancel (setTimeout unless given). */
  later?(callback: () => void, delayMs: number): () => void;
}

/**
 * When a view shows its source's version: at most once a frame, at most once
 * per `minIntervalMs` as the source changes, and once in the frame after it
 * starts (a new source, or a new pace such as the run pausing or ending).
 * That catch-up waits for the next frame instead of rendering where the pace
 * changed: a run's end (its status, badges and figures redrawn) and the
 * results table's refresh of every row in view used to land in the same
 * frame, the run's last long task. The pace counts from that catch-up.
 * Between two versions shown it waits on a timer, not frame after frame: a
 * frame asked for only to find it too early still runs the page's frame
 * (about 35 a second for a table refreshing twice a second at Max).
 */
export function createVersionPacer(deps: VersionPacerDeps): { dispose(): void } {
  let handle: number | null = null;
  let shownAt = -Infinity;
  // The first frame shows whatever the interval: a view starting or changing pace catches up at once, a frame later.
  let catchUp = true;
  let disposed = false;
  /** Cancels the timer that ends the wait for the interval, while one is set. */
  let waiting: (() => void) | null = null;
  const later = deps.later ?? ((callback: () => void, delayMs: number) => {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  });

  const frame = (now: number): void => {
    handle = null;
    if (disposed) return;
    // A later notification catches up whatever this one skipped, so nothing is lost by waiting.
    if (!catchUp && now - shownAt < deps.minIntervalMs) {
      waiting = later(() => {
        waiting = null;
        if (!disposed) handle = deps.requestFrame(frame);
      }, shownAt + deps.minIntervalMs - now);
      return;
    }
    catchUp = false;
    shownAt = now;
    deps.show(deps.source.version);
  };
  const unsubscribe = deps.source.subscribe(() => {
    if (handle === null && waiting === null && !disposed) handle = deps.requestFrame(frame);
  });
  handle = deps.requestFrame(frame);
  return {
    dispose() {
      disposed = true;
      unsubscribe();
      if (handle !== null) deps.cancelFrame(handle);
      handle = null;
      waiting?.();
      waiting = null;
    },
  };
}
