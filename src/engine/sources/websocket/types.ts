import type { SourceRuntime } from '../../run/sources';

/** A message that could not become events, kept for the dead-letter preview. */
export interface DeadLetter {
  /** The message text, cut to a readable length. */
  readonly text: string;
  /** Why it was refused: "not JSON at column 7", "no field 'ts'"... */
  readonly reason: string;
  /** Which message of the connection it came in (1 for the first). */
  readonly message: number;
}

/** Counters of a message source, for the node's badges. */
export interface MessageSourceStats {
  /** Messages received. */
  readonly messages: number;
  /** Events waiting in the queue for the pipeline. */
  readonly queued: number;
  /** Events dropped, oldest first, because the queue was full. */
  readonly dropped: number;
  /** Messages (or events within a message) that could not be read. */
  readonly deadLetters: number;
  /** The last few dead letters, oldest first. */
  readonly lastDeadLetters: readonly DeadLetter[];
}

/**
 * A source fed by its host (the worker's WebSocket, the CLI's ws client):
 * `offer` parses a message into queued events; the runtime pulls them with
 * `next`, which returns an empty batch (never null) while the queue is empty
 * and null only after `close`.
 */
export interface MessageSource extends SourceRuntime {
  offer(message: string): void;
  /** The connection ended for good: what is queued still flows, then the source ends. */
  close(): void;
  stats(): MessageSourceStats;
}
