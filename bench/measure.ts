/** Timing: a warm-up, then the median of N timed runs. */
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
  /** Warm-up runs before the timed ones. */
  readonly warmups: number;
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

/** How long a measurement warms up: at least `runs` runs and at least `ms` milliseconds of them. */
export interface Warmup {
  readonly runs: number;
  readonly ms: number;
}

/**
 * Runs `work` until the warm-up is over, then `runs` times under the clock.
 * Garbage of whatever ran before (input generation, the previous measurement)
 * is collected once, before the warm-up. Returns the number of warm-up runs.
 *
 * A few warm-up runs are not enough for a pipeline: V8 optimises the
 * functions called once per batch (an operator's push, the runtime's emit)
 * only after a few thousand calls, and inlines them into their callers later
 * still (--trace-opt shows P2's runtime step and operator pushes optimised in
 * its second to fourth runs): a pipeline reaches its steady speed only after
 * a second or two of running.
 * In a fresh process P2 ran its 10-million-event runs at 26, 30, 36, 55, 54,
 * 64, 61, 70 and 64 M events/s, one after the other, while the ceiling, a
 * single loop, was steady from its third run: with three warm-up runs, two of
 * the five timed runs fell in the ramp and pulled the median down. Hence a
 * warm-up by time as well as by count, as JMH does (by default 5 x 10 s).
 *
 * Nor is garbage collected between timed runs: V8 throws away optimised code
 * that embeds an object a collection frees (the last run's runtime), so a
 * full collection before each run made every run start from unoptimised
 * code, and P2 ran 20% slower (49-50 M events/s against 59-61 M). A
 * streaming job keeps one runtime and its code for as long as it runs.
 */
function warmUp(warmup: Warmup, work: () => void): number {
  gc?.();
  const t0 = performance.now();
  let done = 0;
  while (done < warmup.runs || performance.now() - t0 < warmup.ms) {
    work();
    done++;
  }
  return done;
}

export function measure(label: string, title: string, events: number, warmup: Warmup, runs: number, work: () => SinkTally): Measurement {
  const warmups = warmUp(warmup, work);
  const times: number[] = [];
  let rows = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    rows = work().rows;
    times.push(performance.now() - t0);
  }
  return { label, title, events, ms: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), rows, warmups };
}

/** The median of `values` (the mean of the middle two when their number is even). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A ratio of two rates measured in alternation (see measurePairInWorkers). */
export interface PairedRatio {
  /** Median over the rounds of base's time over work's: above 1 when work is the faster. */
  readonly ratio: number;
  readonly min: number;
  readonly max: number;
  /** Each side's rate, events per second, from the median of its timed runs. */
  readonly baseRate: number;
  readonly workRate: number;
}
