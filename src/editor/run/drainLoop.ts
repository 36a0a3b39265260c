/**
 * Pulls the worker's frames, at most one drain in flight, and applies each
 * answer at the start of the next animation frame: the store update (and the
 * React work it causes) and the views' chunks then run in the frame's own
 * callback, once per frame, instead of in a task of their own whenever the
 * worker answers. A busy page simply pulls less often and the worker
 * coalesces meanwhile. The loop sleeps once the run is no longer moving and
 * wakes on the next command.
 */
import type { Frame } from '../../worker/protocol';

export interface DrainLoopDeps {
  drain(): Promise<Frame>;
  onFrame(frame: Frame): void;
  onError(error: unknown): void;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

export interface DrainLoop {
  /** Starts pulling (again), e.g. after a command. */
  wake(): void;
  /**
   * Forgets a drain in flight and an answer not yet applied (the worker that
   * owes them died: its answer would be stale, or never come), then wakes.
   */
  restart(): void;
  dispose(): void;
}

/** Frames pulled after the run stopped moving, so the last results and figures arrive. */
const SETTLE_FRAMES = 2;

/** Creates a sleeping loop. */
export function createDrainLoop(deps: DrainLoopDeps): DrainLoop {
  let handle: number | null = null;
  let inFlight = false;
  let ready: Frame | null = null;
  let settle = 0;
  let disposed = false;
  /** Bumped by restart(), so the answer of a forgotten drain is dropped. */
  let generation = 0;

  const schedule = (): void => {
    if (handle === null && !disposed) handle = deps.requestFrame(tick);
  };

  function tick(): void {
    handle = null;
    if (disposed) return;
    if (ready !== null) {
      const frame = ready;
      ready = null;
      deps.onFrame(frame);
      // Webhooks retrying after the run ended change the badges still: drain until they are done.
      if (frame.phase === 'running' || frame.webhooksPending === true) settle = SETTLE_FRAMES;
      else settle--;
    }
    if (settle <= 0 || inFlight) return;
    inFlight = true;
    const asked = generation;
    deps.drain().then(
      (frame) => {
        if (asked !== generation) return;
        inFlight = false;
        ready = frame;
        schedule();
      },
      (error: unknown) => {
        if (asked !== generation) return;
        inFlight = false;
        if (!disposed) deps.onError(error);
      },
    );
  }

  return {
    wake() {
      settle = SETTLE_FRAMES;
      schedule();
    },
    restart() {
      generation++;
      inFlight = false;
      ready = null;
      settle = SETTLE_FRAMES;
      schedule();
    },
    dispose() {
      disposed = true;
      if (handle !== null) deps.cancelFrame(handle);
      handle = null;
    },
  };
}
