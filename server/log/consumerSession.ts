/**
 * One consumer of a topic: replays each partition from its start position in
 * bounded batches, then tails what is appended. Memory stays bounded however
 * slowly the client reads: the session reads a batch from disk only while the
 * socket's unsent bytes are under HIGH_WATER, so at most about one batch more
 * than that waits in memory, never a whole partition.
 */
import type { LogStart } from '../../src/model/logProtocol';
import type { StreamSocket } from '../streamSession';
import type { Topic } from './topic';

const OPEN = 1;
/** Above this many unsent bytes the session waits for the client. */
export const HIGH_WATER = 1 << 20;
/** One frame holds at most this many records, or about this many bytes. */
const FRAME_RECORDS = 1000;
const FRAME_BYTES = 256 * 1024;
/** Frames sent per turn of the event loop at most, so one fast consumer cannot starve the rest. */
const FRAMES_PER_TURN = 16;
const DRAIN_POLL_MS = 5;

export interface LogSession {
  /** Records sent so far. */
  readonly sent: number;
  /** The next offset to send, per partition. */
  readonly positions: readonly number[];
  stop(): void;
}

/** Where each partition starts for `start`: offsets are clamped into [earliest, next] (Kafka's auto.offset.reset=earliest below it). */
export function startPositions(topic: Topic, start: LogStart): number[] {
  return topic.partitions.map((log, p) => {
    switch (start.kind) {
      case 'earliest':
        return log.earliest;
      case 'latest':
        return log.next;
      case 'time':
        return log.offsetForTime(start.at);
      case 'offsets':
        return Math.min(Math.max(start.next.get(p) ?? log.earliest, log.earliest), log.next);
    }
  });
}

/** A partition named in `offsets:` that the topic does not have, as a sentence; null when all exist. */
export function unknownPartition(topic: Topic, start: LogStart): string | null {
  if (start.kind !== 'offsets') return null;
  for (const p of start.next.keys()) {
    if (p >= topic.partitions.length) return `partition ${p} does not exist: topic '${topic.name}' has partitions 0..${topic.partitions.length - 1}`;
  }
  return null;
}

/** Starts sending `topic` from `start` to `socket`; an error in a later turn goes to `onError`. */
export function startLogSession(socket: StreamSocket, topic: Topic, start: LogStart, onError: (error: unknown) => void): LogSession {
  const positions = startPositions(topic, start);
  let sent = 0;
  let stopped = false;
  let cancel: (() => void) | null = null;
  let rotate = 0;

  function schedule(ms: number): void {
    if (cancel !== null) return;
    if (ms === 0) {
      const immediate = setImmediate(turn);
      cancel = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(turn, ms);
      cancel = () => clearTimeout(timeout);
    }
  }

  /** Sends one frame from the next partition with records waiting (round robin); false when none has any. */
  function sendFrame(): boolean {
    const count = topic.partitions.length;
    for (let i = 0; i < count; i++) {
      const p = (rotate + i) % count;
      const log = topic.partitions[p]!;
      // Retention may have passed a slow consumer: it goes on at the earliest retained record.
      if (positions[p]! < log.earliest) positions[p] = log.earliest;
      if (positions[p]! >= log.next) continue;
      const records = log.read(positions[p]!, FRAME_RECORDS, FRAME_BYTES);
      if (records.length === 0) continue;
      socket.send(`[${records.map((r) => `{"partition":${p},"offset":${r.offset},"ts":${r.ts},"value":${r.json}}`).join(',')}]`);
      positions[p] = records[records.length - 1]!.offset + 1;
      sent += records.length;
      rotate = p + 1;
      return true;
    }
    return false;
  }

  function turn(): void {
    cancel = null;
    if (stopped) return;
    try {
      if (socket.readyState !== OPEN) return stop();
      for (let f = 0; f < FRAMES_PER_TURN; f++) {
        // Back-pressure: wait for the socket to drain rather than read more into memory.
        if (socket.bufferedAmount > HIGH_WATER) return schedule(DRAIN_POLL_MS);
        // Caught up: the next append wakes the session.
        if (!sendFrame()) return;
      }
      schedule(0);
    } catch (error) {
      stop();
      onError(error);
    }
  }

  const unsubscribe = topic.onAppend(() => {
    if (!stopped) schedule(0);
  });

  function stop(): void {
    stopped = true;
    unsubscribe();
    cancel?.();
    cancel = null;
  }

  schedule(0);
  return {
    get sent() { return sent; },
    get positions() { return positions; },
    stop,
  };
}
