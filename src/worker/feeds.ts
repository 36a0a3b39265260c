/**
 * The seam between the pipeline worker and the WebSocket connections that
 * feed `source.websocket` nodes. The worker calls an OpenFeed once per
 * WebSocket source when a run starts and closes the feed when the run ends or
 * the document is reloaded; the feed owns the socket, its reconnects with
 * backoff, and hands every message to the source (`source.offer`).
 *
 * The implementation lives in ./websocketFeed.ts (the "live" part of the
 * live-preview issue); the worker entry binds it.
 */
import type { WebsocketSourceSpec } from '../engine/plan/types';
import type { MessageSource } from '../engine/sources/websocket/types';
import type { ConnectionState } from './protocol';

/** While a feed waits to reconnect: which retry is next, of how many, and when (epoch ms). */
export interface FeedRetry {
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly nextAttemptAt: number;
}

/** Reports a connection's state and, when reconnecting or closed, why; `retry` while waiting for the next attempt. */
export type FeedStateListener = (state: ConnectionState, detail: string, retry?: FeedRetry) => void;

/** An open connection feeding one source. */
export interface Feed {
  /** Closes the connection for good (no reconnect); the source is not closed by this. */
  close(): void;
}

/** Opens the connection of one WebSocket source. */
export type OpenFeed = (spec: WebsocketSourceSpec, source: MessageSource, onState: FeedStateListener) => Feed;
