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
}

/**
 * When a view shows its source's version: at most once a frame, at most once
 * per `minIntervalMs` as the source changes, and once in the frame after it
 * starts (a new source, or a new pace such as the run pausing or ending).
 * That catch-up waits for the next frame instead of rendering where the pace
 * changed: a run's end (its status, badges and figures redrawn) and the
 * results table's refresh of every row in view used to land in the same
 * frame, the run's last long task. The pace counts from that catch-up.
 */
export function createVersionPacer(deps: VersionPacerDeps): { dispose(): void } {
  let handle: number | null = null;
  let shownAt = -Infinity;
  // The first frame shows whatever the interval: a view starting or changing pace catches up at once, a frame later.
  let catchUp = true;
  let disposed = false;

  const frame = (now: number): void => {
    handle = null;
    if (disposed) return;
    // A later notification catches up whatever this one skipped, so nothing is lost by waiting.
    if (!catchUp && now - shownAt < deps.minIntervalMs) {
      handle = deps.requestFrame(frame);
      return;
    }
    catchUp = false;
    shownAt = now;
    deps.show(deps.source.version);
  };
  const unsubscribe = deps.source.subscribe(() => {
    if (handle === null && !disposed) handle = deps.requestFrame(frame);
  });
  handle = deps.requestFrame(frame);
  return {
    dispose() {
      disposed = true;
      unsubscribe();
      if (handle !== null) deps.cancelFrame(handle);
      handle = null;
    },
  };
}
