/**
 * The worker's WebSocket feed (OpenFeed, ./feeds.ts): opens the source's URL,
 * hands every frame's text to the MessageSource, and reconnects by the
 * source's retry policy while the run lasts; when the retries are used up the
 * run fails on the source with the last error. In log mode every connection
 * asks for `from=` the source's position (the next offset per partition), so
 * a reconnect, a server restart or a restored snapshot resumes with no gap and
 * no duplicate, and a queue the page cannot drain fast enough is caught up by
 * reconnecting instead of dropping. The socket, the timers, the clock, the
 * randomness and fetch are injected so tests drive it with fakes.
 */
import type { WebsocketSourceSpec } from '../engine/plan/types';
import type { MessageSource } from '../engine/sources/websocket/types';
import { logConnectUrl, streamsApiOf, topicPartitions } from '../engine/sources/websocket/logAddress';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../model';
import { formatDelay, judgeClose } from './backoff';
import type { Feed, FeedStateListener, OpenFeed } from './feeds';

/** The part of the browser's WebSocket the feed uses. */
export interface FeedSocket {
  binaryType: BinaryType;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(code?: number, reason?: string): void;
}

export interface FeedDeps {
  readonly connect: (url: string) => FeedSocket;
  readonly setTimer: (callback: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
  readonly random: () => number;
  /** Wall clock, epoch ms (for nextAttemptAt). */
  readonly now: () => number;
  /** GETs a JSON body (a log's /api/streams); rejects on any failure. */
  readonly fetchJson: (url: string) => Promise<unknown>;
}

/** How often a log-mode feed that left its stream unread looks whether the queue has room again. */
export const CATCH_UP_POLL_MS = 50;

const decoder = new TextDecoder();

/** A frame's text: text frames as they are, binary frames decoded as UTF-8 (bad bytes become U+FFFD, then a dead letter). */
function frameText(data: unknown): string | null {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return decoder.decode(data);
  if (ArrayBuffer.isView(data)) return decoder.decode(data);
  return null;
}

/** An OpenFeed over `deps` (see {@link browserFeedDeps} for the real ones). */
export function createWebsocketFeeds(deps: FeedDeps): OpenFeed {
  return (spec: WebsocketSourceSpec, source: MessageSource, onState: FeedStateListener): Feed => {
    const policy = spec.retry ?? DEFAULT_RETRY_POLICY;
    const log = spec.log !== undefined;
    let socket: FeedSocket | null = null;
    let timer: unknown = null;
    /** Retries since data last flowed (0: none). */
    let attempt = 0;
    let stopped = false;

    const address = (): string => (log ? logConnectUrl(spec.url, source.position() ?? spec.log!.from) : spec.url);

    function open(): void {
      timer = null;
      if (stopped) return;
      const url = address();
      onState(attempt === 0 ? 'connecting' : 'reconnecting', attempt === 0 ? `connecting to ${url}` : `reconnecting to ${url} (attempt ${attempt} of ${policy.retries})`);
      let opened = false;
      let current: FeedSocket;
      try {
        current = deps.connect(url);
      } catch (error) {
        // The URL itself is unusable (the schema checks the shape; the browser may still refuse it).
        onState('closed', `cannot open ${url}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      socket = current;
      current.binaryType = 'arraybuffer';
      current.onopen = () => {
        opened = true;
        onState('live', `connected to ${url}`);
      };
      current.onmessage = (event) => {
        if (socket !== current) return;
        // A server that accepts and then drops us at once must not reset the backoff: only data does.
        attempt = 0;
        const text = frameText(event.data);
        source.offer(text ?? `(a frame of type ${typeof event.data})`);
        if (log && source.stats().overflowed === true) catchUp(current);
      };
      current.onerror = () => undefined; // The close event that follows says what happened.
      current.onclose = (event) => {
        if (stopped || socket !== current) return;
        socket = null;
        const verdict = judgeClose(event.code, event.reason, opened);
        if (verdict.kind === 'ended') {
          source.close();
          onState('closed', verdict.detail);
        } else if (verdict.kind === 'refused') {
          onState('closed', verdict.detail);
        } else retry(verdict.why);
      };
    }

    /** Waits by the policy and opens again, or fails the run on the source when the retries are used up. */
    function retry(why: string): void {
      attempt++;
      if (attempt > policy.retries) {
        const message = policy.retries === 0 ? `${spec.url}: ${why}` : `${spec.url}: ${why}, after ${policy.retries} ${policy.retries === 1 ? 'retry' : 'retries'}`;
        source.fail(message);
        onState('closed', message);
        return;
      }
      const delay = retryDelayMs(policy, attempt, deps.random());
      const nextAttemptAt = deps.now() + delay;
      onState('reconnecting', `retry ${attempt} of ${policy.retries} in ${formatDelay(delay)} (${why})`, { attempt, maxAttempts: policy.retries, nextAttemptAt });
      timer = deps.setTimer(open, delay);
    }

    /** The queue is full and the stream after it was left unread: drop this connection, reconnect from the position once it drains. */
    function catchUp(current: FeedSocket): void {
      socket = null;
      current.close(1000, 'catching up');
      onState('reconnecting', 'the pipeline is behind: reading on from the log once it catches up');
      const poll = (): void => {
        timer = null;
        if (stopped) return;
        if (source.stats().queued >= spec.queueLimit / 2) timer = deps.setTimer(poll, CATCH_UP_POLL_MS);
        else open();
      };
      timer = deps.setTimer(poll, CATCH_UP_POLL_MS);
    }

    /** Log mode: learn the topic's partitions first, so each holds the watermark before its first event. */
    function start(): void {
      const api = log ? streamsApiOf(spec.url) : null;
      if (api === null) {
        open();
        return;
      }
      onState('connecting', `reading the partitions of ${api.topic}`);
      deps.fetchJson(api.api).then((body) => {
        const partitions = topicPartitions(body, api.topic);
        if (partitions !== null) source.expectPartitions(partitions);
      }, () => undefined).finally(() => {
        // Without the list, partitions count from their first event: the run goes on.
        if (!stopped) open();
      });
    }

    start();
    return {
      close(): void {
        if (stopped) return;
        stopped = true;
        if (timer !== null) deps.clearTimer(timer);
        timer = null;
        socket?.close(1000, 'run stopped');
        socket = null;
        onState('closed', 'run stopped');
      },
    };
  };
}

/** The browser's (or worker's) WebSocket, timers and Math.random. */
function browserFeedDeps(): FeedDeps {
  return {
    connect: (url) => new WebSocket(url),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    random: Math.random,
    now: Date.now,
    fetchJson: async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    },
  };
}

let browserFeeds: OpenFeed | null = null;

/** The OpenFeed the pipeline worker binds: real sockets and timers. */
export function openWebsocketFeed(spec: WebsocketSourceSpec, source: MessageSource, onState: FeedStateListener): Feed {
  browserFeeds ??= createWebsocketFeeds(browserFeedDeps());
  return browserFeeds(spec, source, onState);
}
