/**
 * Looking for a server that may start later, without knocking every few
 * seconds (each failed request is a red line in the browser's console): the
 * first look at once, then after 2 s, doubling to a few minutes, until it
 * answers. A look can also be asked for at once (the window regains focus,
 * the user presses "Check again"); the wait after it keeps growing, since the
 * server is still away. No timers of its own: the scheduler is injected, so
 * tests drive it with a fake one.
 */

/** Where the waits come from: the window's timers in the app, a fake clock in tests. */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Backoff {
  /** The wait after the first failure. */
  readonly firstMs: number;
  /** The longest wait. */
  readonly maxMs: number;
}

const OFFLINE_BACKOFF: Backoff = { firstMs: 2_000, maxMs: 256_000 };

/** The wait after `failures` failed looks in a row (1 or more): first, doubled each time, at most max. */
export function backoffDelay(failures: number, backoff: Backoff = OFFLINE_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
}

export interface RetrySchedule {
  /** Looks now, unless a look is under way; a pending wait is cancelled. */
  checkNow(): void;
  /** Failed looks since the last answer. */
  failures(): number;
  /** Stops: no more looks. */
  dispose(): void;
}

/**
 * Runs `check` (true when the server answered) now and again after each
 * failure, as {@link backoffDelay} says; an answer stops the looking and
 * forgets the failures.
 */
export function createRetrySchedule(check: () => Promise<boolean>, scheduler: Scheduler, backoff: Backoff = OFFLINE_BACKOFF): RetrySchedule {
  let failures = 0;
  let timer: unknown = null;
  let checking = false;
  let disposed = false;
  const cancel = (): void => {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = null;
  };
  const look = (): void => {
    if (disposed || checking) return;
    cancel();
    checking = true;
    void check().catch(() => false).then((answered) => {
      checking = false;
      if (disposed) return;
      if (answered) {
        failures = 0;
        return;
      }
      failures++;
      timer = scheduler.setTimeout(() => {
        timer = null;
        look();
      }, backoffDelay(failures, backoff));
    });
  };
  look();
  return {
    checkNow: look,
    failures: () => failures,
    dispose() {
      disposed = true;
      cancel();
    },
  };
}
