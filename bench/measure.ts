/** Timing: a warm-up run, then the median of N timed runs, with a GC between runs when exposed. */
import type { SinkTally } from './pipelines';

export interface Measurement {
  readonly label: string;
  readonly title: string;
  readonly events: number;
  /** Median wall time of the timed runs, ms. */
  readonly ms: number;
  /** Fastest and slowest timed run, ms (the spread shows how noisy the machine was). */
  readonly minMs: number;
  readonly maxMs: number;
  /** Rows that reached the sink in the last run. */
  readonly rows: number;
}

/** Events per second of a measurement. */
export function rate(m: Measurement): number {
  return (m.events / m.ms) * 1000;
}

/** Nanoseconds per event of a measurement. */
export function nsPerEvent(m: Measurement): number {
  return (m.ms * 1e6) / m.events;
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

/** Whether the process was started with --expose-gc (run.ts says so when not). */
export const gcExposed = gc !== undefined;

/**
 * Runs `work` once to warm the JIT up, then `runs` times under the clock.
 * Garbage from the previous run is collected before each timed run so one
 * run's debt is not charged to the next.
 */
export function measure(label: string, title: string, events: number, runs: number, work: () => SinkTally): Measurement {
  work();
  const times: number[] = [];
  let rows = 0;
  for (let r = 0; r < runs; r++) {
    gc?.();
    const t0 = performance.now();
    rows = work().rows;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const ms = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { label, title, events, ms, minMs: times[0]!, maxMs: times[times.length - 1]!, rows };
}
