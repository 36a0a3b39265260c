/**
 * The worker's WebSocket feed (OpenFeed, ./feeds.ts): opens the source's URL,
 * hands every frame's text to the MessageSource, and reconnects with backoff
 * while the run lasts. The socket, the timers and the randomness are injected
 * so tests drive it with a fake socket and a fake clock.
 */
import type { WebsocketSourceSpec } from '../engine/plan/types';
import type { MessageSource } from '../engine/sources/websocket/types';
import { formatDelay, judgeClose, retryDelay } from './backoff';
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
}

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
    let socket: FeedSocket | null = null;
    let timer: unknown = null;
    let attempt = 0;
    let stopped = false;

    function open(): void {
      timer = null;
      onState(attempt === 0 ? 'connecting' : 'reconnecting', attempt === 0 ? `connecting to ${spec.url}` : `reconnecting to ${spec.url}`);
      let opened = false;
      let current: FeedSocket;
      try {
        current = deps.connect(spec.url);
      } catch (error) {
        // The URL itself is unusable (the schema checks the shape; the browser may still refuse it).
        onState('closed', `cannot open ${spec.url}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      socket = current;
      current.binaryType = 'arraybuffer';
      current.onopen = () => {
        opened = true;
        onState('live', `connected to ${spec.url}`);
      };
      current.onmessage = (event) => {
        // A server that accepts and then drops us at once must not reset the backoff: only data does.
        attempt = 0;
        const text = frameText(event.data);
        source.offer(text ?? `(a frame of type ${typeof event.data})`);
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
        } else {
          const delay = retryDelay(attempt++, deps.random());
          onState('reconnecting', `retry in ${formatDelay(delay)} (${verdict.why})`);
          timer = deps.setTimer(open, delay);
        }
      };
    }

    open();
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
  };
}

let browserFeeds: OpenFeed | null = null;

/** The OpenFeed the pipeline worker binds: real sockets and timers. */
export function openWebsocketFeed(spec: WebsocketSourceSpec, source: MessageSource, onState: FeedStateListener): Feed {
  browserFeeds ??= createWebsocketFeeds(browserFeedDeps());
  return browserFeeds(spec, source, onState);
}
