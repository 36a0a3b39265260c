/**
 * Posts alert rows to a webhook, one JSON object per request, in order, with
 * retries. Shared by the worker (the browser's fetch) and the CLI (Node's):
 * the fetch and the wait between attempts are injected, so it is pure and
 * tests drive it with a fake fetch.
 *
 * Bounded so a dead endpoint cannot eat memory or time: at most `maxQueue`
 * rows wait (newer ones beyond are dropped and counted), each gets at most
 * `maxAttempts` attempts with exponential backoff, and once an alert has used
 * them all the endpoint counts as down: later alerts get one attempt each
 * until one gets through.
 */

/** The part of fetch the poster uses (the DOM's and Node's fetch both fit). */
export type WebhookFetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number }>;

export interface WebhookOptions {
  readonly url: string;
  readonly fetch: WebhookFetch;
  /** Waits `ms` (setTimeout in hosts, immediate in tests). */
  readonly sleep: (ms: number) => Promise<void>;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly maxQueue?: number;
  /** Each request is aborted after this long (a hung endpoint counts as a failed attempt). */
  readonly timeoutMs?: number;
}

export interface WebhookStats {
  /** Rows the endpoint accepted (a 2xx answer). */
  sent: number;
  /** Rows given up on: every attempt failed, or the answer said not to retry (a 4xx other than 408 and 429). */
  failed: number;
  /** Rows never tried: the queue was full, or the run ended before their turn. */
  dropped: number;
  /** Attempts after a first one. */
  retries: number;
  /** Rows waiting or in flight. */
  pending: number;
  /** The latest failure, e.g. "HTTP 503" or "connect ECONNREFUSED"; '' before any. */
  lastError: string;
}

export interface WebhookPoster {
  /** Queues a row (dropped and counted when the queue is full). */
  post(row: object): void;
  stats(): WebhookStats;
  /** Resolves once every queued row was sent or given up on; rows still waiting when `deadline` (if given) resolves are dropped. */
  flush(deadline?: Promise<unknown>): Promise<void>;
  /** Stops: waiting rows are dropped, nothing more is sent. */
  close(): void;
}

export const WEBHOOK_DEFAULTS = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 30_000, maxQueue: 1_000, timeoutMs: 10_000 } as const;

/** The wait before attempt `attempt` (2, 3, ...): base, 2 base, 4 base, ... capped. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** (attempt - 2));
}

/** 408 (timeout), 429 (too many requests) and 5xx may pass on a later try; other answers will not. */
function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

const describeError = (error: unknown): string => {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
};

export function createWebhookPoster(options: WebhookOptions): WebhookPoster {
  const maxAttempts = Math.max(1, options.maxAttempts ?? WEBHOOK_DEFAULTS.maxAttempts);
  const base = options.baseDelayMs ?? WEBHOOK_DEFAULTS.baseDelayMs;
  const maxDelay = options.maxDelayMs ?? WEBHOOK_DEFAULTS.maxDelayMs;
  const maxQueue = options.maxQueue ?? WEBHOOK_DEFAULTS.maxQueue;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
  const queue: string[] = [];
  const stats: WebhookStats = { sent: 0, failed: 0, dropped: 0, retries: 0, pending: 0, lastError: '' };
  let running: Promise<void> | null = null;
  let closed = false;
  let down = false;

  /** One attempt: null when accepted, else why not (and whether to try again). */
  async function attempt(body: string): Promise<{ error: string; retry: boolean } | null> {
    try {
      const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(timeoutMs) : undefined;
      const answer = await options.fetch(options.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...(signal === undefined ? {} : { signal }) });
      if (answer.ok) return null;
      return { error: `HTTP ${answer.status}`, retry: retryable(answer.status) };
    } catch (error) {
      return { error: describeError(error), retry: true };
    }
  }

  async function deliver(body: string): Promise<void> {
    const allowed = down ? 1 : maxAttempts;
    for (let n = 1; n <= allowed && !closed; n++) {
      if (n > 1) {
        stats.retries++;
        await options.sleep(backoffDelay(n, base, maxDelay));
        if (closed) return;
      }
      const outcome = await attempt(body);
      if (outcome === null) {
        stats.sent++;
        down = false;
        return;
      }
      stats.lastError = outcome.error;
      if (!outcome.retry) break;
    }
    if (closed) return;
    stats.failed++;
    down = true;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 && !closed) {
      const body = queue[0]!;
      await deliver(body);
      queue.shift();
      stats.pending = queue.length;
    }
    running = null;
  }

  return {
    post(row) {
      if (closed) return;
      if (queue.length >= maxQueue) {
        stats.dropped++;
        return;
      }
      queue.push(JSON.stringify(row));
      stats.pending = queue.length;
      running ??= drain();
    },
    stats: () => ({ ...stats }),
    async flush(deadline) {
      if (running === null) return;
      if (deadline === undefined) {
        await running;
        return;
      }
      const outcome = await Promise.race([running.then(() => 'done' as const), deadline.then(() => 'late' as const)]);
      if (outcome === 'late') this.close();
    },
    close() {
      if (closed) return;
      closed = true;
      // The row in flight (if any) and those waiting were never delivered.
      stats.dropped += queue.length;
      queue.length = 0;
      stats.pending = 0;
    },
  };
}
