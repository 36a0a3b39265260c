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
  /** Log mode: messages dropped because their offset was already read (a replay after a reconnect). */
  readonly duplicates?: number;
  /** Log mode: the next offset per partition, `offsets:0=12,1=40` (the configured start before the first message). */
  readonly position?: string;
  /** Log mode: the queue was full and the stream after it was left unread; the host reconnects from `position` once it drains. */
  readonly overflowed?: boolean;
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
  /** Log mode: where a reconnect resumes (see MessageSourceStats.position); null otherwise. */
  position(): string | null;
  /** The host gave up on the connection (its retries are used up): the run fails with `message` on this node. */
  fail(message: string): void;
  /** Log mode: the partitions the log has (from /api/streams), so each holds the watermark before its first event. */
  expectPartitions(partitions: Iterable<number>): void;
}
