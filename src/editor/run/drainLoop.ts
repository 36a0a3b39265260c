/**
 * Pulls the worker's frames, at most one drain in flight, and applies each
 * answer at the start of the next animation frame: the store update (and the
 * React work it causes) and the views' chunks then run in the frame's own
 * callback, once per frame, instead of in a task of their own whenever the
 * worker answers. A busy page simply pulls less often and the worker
 * coalesces meanwhile. The loop sleeps once the run is no longer moving and
 * wakes on the next command.
 *
 * It may also pull less often than every frame (`pullEveryMs`, see
 * pullPace.ts): at Max speed every frame that applies an answer restyles,
 * lays out and paints the canvas's figures, and those frames held the page's
 * core while the worker held the other. A command (wake) pulls at once.
 * While such an answer is drawn the worker gives way (see pullPace.ts).
 */
import type { Frame } from '../../worker/protocol';

export interface DrainLoopDeps {
  drain(): Promise<Frame>;
  /**
   * Whether the worker should give way while the page draws an answer (a run
   * at Max): then `drawing` is called as an answer is applied, and `drawn`
   * in a task after that frame's rendering.
   */
  givesWay?(): boolean;
  drawing?(): void;
  drawn?(): void;
  onFrame(frame: Frame): void;
  onError(error: unknown): void;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  /** The least time from applying an answer to asking for the next drain (0 or absent: every frame), so answers are applied at least this far apart. */
  pullEveryMs?(): number;
  /** The clock and timer for `pullEveryMs` (performance.now and setTimeout unless given). */
  now?(): number;
  later?(callback: () => void, delayMs: number): () => void;
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

/**
 * Answers after a command (Run, say) that the worker gives way for from the
 * moment it gives them, not only once the page starts drawing them: they are
 * the frames that mount a run's views (badges, the results table, progress),
 * and the worker's slice still running as the page starts such a frame
 * made some of them long tasks. Later answers cost the worker nothing: it
 * waits only while the page draws.
 */
const FIRST_ANSWERS_AWAITED = 2;

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
  /** When the last answer was applied. */
  let appliedAt = -Infinity;
  /** Set by a command: the next drain goes at once, whatever the pace, so the command's effect shows in the next frames. */
  let urgent = false;
  /** Drains left, after a command, whose answers the worker gives way for from the drain on (see FIRST_ANSWERS_AWAITED). */
  let awaited = 0;
  /** Cancels the wait for the next pull, while one is set. */
  let waiting: (() => void) | null = null;
  const now = deps.now ?? (() => performance.now());
  const later = deps.later ?? ((callback: () => void, delayMs: number) => {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  });

  /** Tells the worker the page is drawing, when it should give way (at Max); whether it was told. */
  const askToGiveWay = (): boolean => {
    if (deps.givesWay?.() !== true) return false;
    deps.drawing?.();
    return true;
  };
  const schedule = (): void => {
    if (handle === null && waiting === null && !disposed) handle = deps.requestFrame(tick);
  };
  const stopWaiting = (): void => {
    waiting?.();
    waiting = null;
  };

  function tick(): void {
    handle = null;
    if (disposed) return;
    if (ready !== null) {
      const frame = ready;
      ready = null;
      appliedAt = now();
      // Told first, so the worker stops at its next slice's end, while this callback still runs.
      const givingWay = askToGiveWay();
      deps.onFrame(frame);
      // A task queued in a frame's callback runs once the frame is rendered: then the worker goes on.
      if (givingWay) later(() => deps.drawn?.(), 0);
      // Webhooks retrying after the run ended change the badges still: drain until they are done.
      if (frame.phase === 'running' || frame.webhooksPending === true) settle = SETTLE_FRAMES;
      else settle--;
    }
    if (settle <= 0 || inFlight) return;
    const gap = deps.pullEveryMs?.() ?? 0;
    const wait = urgent ? 0 : appliedAt + gap - now();
    if (wait > 0) {
      // The pull goes at the first frame after the wait: the frame a drain is applied in stays the frame's own callback.
      waiting = later(() => {
        waiting = null;
        schedule();
      }, wait);
      return;
    }
    urgent = false;
    inFlight = true;
    if (awaited > 0) {
      awaited--;
      // Said before the drain, so the worker waits from its answer on: the message comes first.
      askToGiveWay();
    }
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
      urgent = true;
      awaited = FIRST_ANSWERS_AWAITED;
      // The command's own frames (Run mounting the run's views) come before its first answer: the worker waits from now.
      askToGiveWay();
      stopWaiting();
      schedule();
    },
    restart() {
      generation++;
      inFlight = false;
      ready = null;
      settle = SETTLE_FRAMES;
      urgent = true;
      stopWaiting();
      schedule();
    },
    dispose() {
      disposed = true;
      stopWaiting();
      if (handle !== null) deps.cancelFrame(handle);
      handle = null;
    },
  };
}
