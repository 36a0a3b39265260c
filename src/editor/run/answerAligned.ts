/**
 * A value a view asks the worker for on its own clock (a file source's
 * progress, say), shown in the frame that applies the run's next answer
 * instead of in a frame of its own. At Max the page applies an answer ten
 * times a second (pullPace.ts), and each frame that changes the canvas costs
 * a style, layout and paint of it; a view whose answer is rendered whenever
 * it arrives adds frames of its own between them (the file progress: four a
 * second, a fifth of the page's frames in issue 15's 1 GB run). Held at most
 * `maxWaitMs`, so a run that sends no answers (paused, stalled) still shows it.
 */
export interface AnswerAlignedDeps<T> {
  readonly initial: T;
  /** The longest a value waits for an answer before it is shown anyway. */
  readonly maxWaitMs: number;
  /** Runs `callback` after `delayMs` and returns its cancel (setTimeout unless given). */
  later?(callback: () => void, delayMs: number): () => void;
}

export interface AnswerAligned<T> {
  /** The value shown. */
  get(): T;
  /** Hears each change of the value shown (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void;
  /** A new value: shown at the next answer (or after maxWaitMs), or at once with `now`. A later offer replaces one still waiting. */
  offer(value: T, now: boolean): void;
  /** An answer of the run is being applied (call it from within that frame, e.g. from the run store's listener): the value waiting shows. */
  answered(): void;
  /** Forgets the value waiting and its timer (the view leaves). */
  cancel(): void;
}

/** Creates the holder, showing `initial`. */
export function createAnswerAligned<T>(deps: AnswerAlignedDeps<T>): AnswerAligned<T> {
  let shown = deps.initial;
  let waiting: { readonly value: T } | null = null;
  let cancelTimer: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const later = deps.later ?? ((callback: () => void, delayMs: number) => {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  });

  const show = (value: T): void => {
    waiting = null;
    cancelTimer?.();
    cancelTimer = null;
    if (Object.is(value, shown)) return;
    shown = value;
    for (const listener of [...listeners]) listener();
  };

  return {
    get: () => shown,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    offer(value, now) {
      if (now) {
        show(value);
        return;
      }
      waiting = { value };
      cancelTimer ??= later(() => {
        cancelTimer = null;
        if (waiting !== null) show(waiting.value);
      }, deps.maxWaitMs);
    },
    answered() {
      if (waiting !== null) show(waiting.value);
    },
    cancel() {
      cancelTimer?.();
      cancelTimer = null;
      waiting = null;
    },
  };
}
