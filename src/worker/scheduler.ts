/**
 * Runs a pipeline in short slices, so that pause, step, speed and stop
 * answer at once: the worker's message queue (comlink calls) is served
 * between slices. Timers and the clock are injected, so tests drive it with
 * a fake clock.
 */
import { NodeError } from '../engine/run/nodeError';
import type { Runtime } from '../engine/run/runtime';
import type { PacedSource, PaceGate } from './pacing';
import type { NodeFailure, RunPhase, RunSpeed, StepUnit } from './protocol';

/** Rows pulled from each source per runtime step when running; results never depend on it. */
export const RUN_BATCH_ROWS = 4096;

/** What Step advances by when the unit is a batch. */
export const STEP_BATCH_ROWS = 1000;
/** How long a slice may run before the worker answers its messages again. */
const SLICE_MS = 8;
/** The pause between slices when paced sources have nothing due. */
export const IDLE_MS = 15;
/** Wall-clock time a slice may make up for: after a stall, sources do not burst. */
const MAX_CATCH_UP_MS = 250;
/** The longest gap in a file's event times worth waiting for, in wall-clock ms. */
const MAX_WAIT_MS = 3000;

export interface SchedulerClock {
  now(): number;
  /** Runs `task` after `delayMs` (0: as soon as pending messages are served); returns a cancel. */
  later(task: () => void, delayMs: number): () => void;
}

export interface SchedulerTarget {
  readonly runtime: Runtime;
  readonly paced: readonly Pick<PacedSource, 'advance' | 'hasDue'>[];
  readonly gate: PaceGate;
  /** Armed breakpoints: how many rows a step may pull, and whether one was hit (then the run pauses). */
  readonly brake?: Brake;
  /** Null when a step of `rows` may run now; else when it may (stored files still being read, see pacing.ts SourceReader). */
  readonly waitFor?: (rows: number) => Promise<void> | null;
}

export interface Brake {
  rows(wanted: number): number;
  /** True once after a hit. */
  takeStop(): boolean;
}

export interface Scheduler {
  readonly phase: RunPhase;
  readonly failure: NodeFailure | null;
  start(): void;
  pause(): void;
  /** Answers once the step is taken (later when stored files are still being read). */
  step(unit: StepUnit): void | Promise<void>;
  setSpeed(speed: RunSpeed): void;
  /** Stands paused whatever the phase was (time travel moved the runtime; a finished or failed run can go on). */
  hold(): void;
  /**
   * The page is about to draw an answer: no slice starts for up to `ms`, or
   * until {@link Scheduler.resume}, so the page's frame has a core of its own
   * (on two cores the worker and the browser's file reading otherwise leave
   * it a share, and a 15 ms frame took 60-80 ms of wall time). A run with
   * WebSocket sources never gives way: their messages keep arriving.
   */
  giveWay(ms: number): void;
  /** The page has drawn: slices run again at once. */
  resume(): void;
  /** Stops for good (a reload or stop replaces the scheduler). */
  dispose(): void;
}

function failureOf(error: unknown): NodeFailure {
  if (error instanceof NodeError) return { nodeId: error.nodeId, message: error.detail };
  return { nodeId: null, message: error instanceof Error ? error.message : String(error) };
}

/** True while a WebSocket source has received events the pipeline has not taken yet. */
function hasQueued(runtime: Runtime): boolean {
  for (const source of runtime.messageSources.values()) if (source.stats().queued > 0) return true;
  return false;
}

/** Creates an idle scheduler for one loaded runtime; `onChange` hears every phase change. */
export function createScheduler(target: SchedulerTarget, clock: SchedulerClock, speed: RunSpeed, onChange: () => void): Scheduler {
  const { runtime, paced, gate } = target;
  const brake = target.brake;
  const rows = (wanted: number): number => (brake === undefined ? wanted : brake.rows(wanted));
  let braked = false;
  let phase: RunPhase = 'idle';
  let failure: NodeFailure | null = null;
  let cancel: (() => void) | null = null;
  let lastTick = 0;
  /** A slice waits for streamed sources to read: the next slice runs when they have. */
  let reading: Promise<void> | null = null;
  let disposed = false;
  /** No slice starts before this time (clock ms): the page is drawing (see giveWay). */
  let wayGivenUntil = -Infinity;

  const setPhase = (next: RunPhase): void => {
    if (next === phase) return;
    phase = next;
    onChange();
  };
  const unschedule = (): void => {
    cancel?.();
    cancel = null;
  };
  const schedule = (delay: number): void => {
    unschedule();
    cancel = clock.later(slice, delay);
  };

  /** Runs `work` with every source unpaced or paced; false when the run ended or failed. */
  function guarded(free: boolean, work: () => boolean): boolean {
    gate.free = free;
    try {
      if (work()) return true;
      setPhase('finished');
    } catch (error) {
      failure = failureOf(error);
      setPhase('failed');
    } finally {
      gate.free = false;
    }
    unschedule();
    return false;
  }

  function slice(): void {
    cancel = null;
    if (phase !== 'running') return;
    const start = clock.now();
    if (start < wayGivenUntil) {
      schedule(wayGivenUntil - start);
      return;
    }
    const elapsed = Math.min(Math.max(0, start - lastTick), MAX_CATCH_UP_MS);
    lastTick = start;
    if (speed !== 'max') for (const p of paced) p.advance(elapsed * speed, MAX_WAIT_MS * speed);
    const max = speed === 'max';
    // Flat out means flat out for generators and files; WebSocket sources only have what has arrived.
    const spin = max && paced.length > 0;
    braked = false;
    const alive = guarded(max, () => {
      runtime.tick(start);
      // One step at least, so unpaced (WebSocket) sources are drained every slice.
      do {
        const n = rows(RUN_BATCH_ROWS);
        const wait = target.waitFor?.(n) ?? null;
        if (wait !== null) {
          // Nothing blocks: the slice ends, and the run goes on once the rows are read.
          waitThen(wait);
          return true;
        }
        if (!runtime.step(n)) return false;
        if (brake?.takeStop() === true) return (braked = true);
      } while (clock.now() - start < SLICE_MS && (spin || paced.some((p) => p.hasDue()) || hasQueued(runtime)));
      return true;
    });
    if (alive && braked) setPhase('paused');
    else if (alive && reading === null) schedule(spin ? 0 : IDLE_MS);
  }

  function waitThen(wait: Promise<void>): void {
    const mine = wait.then(() => {
      if (reading !== mine) return;
      reading = null;
      if (phase === 'running') schedule(0);
    });
    reading = mine;
  }

  /** A Step once streamed sources have the rows it takes. */
  function stepNow(unit: StepUnit): void | Promise<void> {
    if (disposed || (phase !== 'idle' && phase !== 'paused')) return;
    const n = unit === 'event' ? 1 : STEP_BATCH_ROWS;
    const wait = target.waitFor?.(n) ?? null;
    if (wait !== null) return wait.then(() => stepNow(unit));
    const moved = guarded(true, () => runtime.step(n));
    // A breakpoint met while stepping is shown, but the step was asked for: nothing more to stop.
    brake?.takeStop();
    if (moved) setPhase('paused');
  }

  return {
    get phase() { return phase; },
    get failure() { return failure; },
    start() {
      if (phase !== 'idle' && phase !== 'paused') return;
      lastTick = clock.now();
      setPhase('running');
      schedule(0);
    },
    pause() {
      if (phase !== 'running') return;
      unschedule();
      reading = null;
      setPhase('paused');
    },
    step(unit) {
      if (phase !== 'idle' && phase !== 'paused') return;
      unschedule();
      return stepNow(unit);
    },
    setSpeed(next) {
      speed = next;
      // The new pace counts from now, not from the last slice.
      lastTick = clock.now();
      if (phase === 'running') schedule(0);
    },
    hold() {
      unschedule();
      reading = null;
      failure = null;
      setPhase('paused');
    },
    giveWay(ms) {
      // Live (WebSocket) input arrives whether or not the run reads it: pausing could fill its queue and drop the connection.
      if (runtime.messageSources.size > 0) return;
      wayGivenUntil = clock.now() + ms;
    },
    resume() {
      if (wayGivenUntil === -Infinity) return;
      wayGivenUntil = -Infinity;
      // A slice put off by giveWay is waiting on its timer: it runs now instead.
      if (phase === 'running' && reading === null && cancel !== null) schedule(0);
    },
    dispose() {
      unschedule();
      reading = null;
      disposed = true;
      phase = 'idle';
    },
  };
}
