/**
 * One client's stream: the engine's own sample generator (so the same seed
 * gives the same events in the same order as `source.sample`), paced by event
 * count in real time, or as fast as the client reads with `speed=max`.
 */
import { createSampleGenerator, sampleStreamFields } from '../src/engine/sources/sample';
import { seededRng, unit } from '../src/engine/sources/sample/random';
import { corruptMessage, createEventEncoder, joinMessage } from './encodeEvents';
import type { StreamRequest } from './streamParams';

/** What a session needs of a socket (a `ws` WebSocket fits). */
export interface StreamSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string): void;
  close(code: number, reason: string): void;
}

const OPEN = 1;
/** Above this many unsent bytes the session waits: the client reads slower than we write. */
const HIGH_WATER = 1 << 20;
const TICK_MS = 25;
/** Messages sent per turn of the event loop at most, so one fast client cannot starve the others. */
const MESSAGES_PER_TURN = 64;
/** Events per turn at most (at least one message), so large batches cannot hold the loop for seconds either. */
const EVENTS_PER_TURN = 100_000;
/** Salt of the corruption draws, so they do not follow the payload's random stream. */
const CORRUPT_SALT = 0x2c1b3c6d;

export interface StreamSession {
  /** Events sent so far. */
  readonly sent: number;
  stop(): void;
}

/**
 * Starts streaming `request` to `socket`; `now` is the wall clock in ms.
 * An error in a later turn stops the session and goes to `onError` (by
 * default the socket is closed with 1011): it must not reach the event loop,
 * where it would end the process and every other client's stream.
 */
export function startStreamSession(
  socket: StreamSocket, request: StreamRequest, now: () => number = performance.now.bind(performance),
  onError: (error: unknown) => void = () => { if (socket.readyState === OPEN) socket.close(1011, 'internal error'); },
): StreamSession {
  const generator = createSampleGenerator(request.sample);
  const encoder = createEventEncoder(sampleStreamFields(request.sample.stream));
  const corruptRng = seededRng(request.sample.seed ^ CORRUPT_SALT);
  const started = now();
  const eventsPerMs = request.speed === 'max' ? Infinity : (request.sample.rate * request.speed) / 1000;
  let sent = 0;
  let stopped = false;
  let cancel: (() => void) | null = null;

  function schedule(ms: number): void {
    if (ms === 0) {
      const immediate = setImmediate(turn);
      cancel = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(turn, ms);
      cancel = () => clearTimeout(timeout);
    }
  }

  /** Sends up to `n` events as one message; false once the stream has ended. */
  function sendEvents(n: number): boolean {
    const block = generator.next(n);
    if (block === null) {
      stop();
      if (socket.readyState === OPEN) socket.close(1000, 'end of stream');
      return false;
    }
    const lines = encoder.lines(block);
    if (request.corrupt > 0 && unit(corruptRng) < request.corrupt) socket.send(corruptMessage(lines));
    socket.send(joinMessage(lines, request.format));
    sent += block.length;
    return true;
  }

  function turn(): void {
    try {
      step();
    } catch (error) {
      stop();
      onError(error);
    }
  }

  function step(): void {
    cancel = null;
    if (stopped) return;
    if (socket.readyState !== OPEN) return stop();
    const due = eventsPerMs === Infinity ? Infinity : Math.floor((now() - started) * eventsPerMs);
    const turnEnd = sent + EVENTS_PER_TURN;
    for (let m = 0; m < MESSAGES_PER_TURN && sent < due && sent < turnEnd; m++) {
      // Back-pressure: wait for the socket to drain rather than buffer without bound.
      if (socket.bufferedAmount > HIGH_WATER) return schedule(5);
      if (!sendEvents(Math.min(request.batch, due - sent))) return;
    }
    schedule(sent < due ? 0 : TICK_MS);
  }

  function stop(): void {
    stopped = true;
    cancel?.();
    cancel = null;
  }

  schedule(0);
  return {
    get sent() { return sent; },
    stop,
  };
}
