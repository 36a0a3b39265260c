/**
 * Which core the bench measures on. The targets are rates on one core, and
 * the project's 2-core virtual machine has two unequal ones: the same
 * ceiling loop, pinned with taskset, ran at 101-108 M events/s on CPU 0 and
 * 72-79 M on CPU 1, six times each in turn (at other times the two ran
 * alike). Unpinned, the measuring thread ran on whichever the kernel chose,
 * and the "slow spells" of earlier sessions (the ceiling at 73-75 M) match
 * the slow core's speed.
 *
 * So before each measurement the bench times a short calibration loop on
 * every core and pins the measuring thread (only it: V8's compiler and
 * collector threads stay free) to the fastest, and says which. The host can
 * slow a core down within seconds, so the loop runs again after the timed
 * runs, and run.ts measures again when the core has slowed. Linux only,
 * through `taskset`; elsewhere nothing is pinned and the bench says so.
 */
import { spawnSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { median } from './measure';

/** The calling thread's kernel thread id, or null where /proc/thread-self does not exist. */
function kernelThreadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) ? tid : null;
  } catch {
    return null;
  }
}

/** Pins the calling thread to `cpu`; false when the system cannot. */
export function pinThread(cpu: number): boolean {
  const tid = kernelThreadId();
  if (tid === null) return false;
  return spawnSync('taskset', ['-pc', String(cpu), String(tid)], { stdio: 'ignore' }).status === 0;
}

/** Where a measurement ran: the core, and each core's calibration rate (runs of the loop per second). */
export interface CoreChoice {
  readonly cpu: number;
  readonly rates: ReadonlyMap<number, number>;
}

/** Runs of `calibrate` per second on the calling thread's core: two runs to warm up, then the median of nine. */
export function calibrationRate(calibrate: () => void): number {
  calibrate();
  calibrate();
  const times: number[] = [];
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    calibrate();
    times.push(performance.now() - t0);
  }
  return 1000 / median(times);
}

/**
 * Times `calibrate` on each core (see calibrationRate) and leaves the
 * calling thread pinned to the fastest; null when the thread cannot be
 * pinned or there is one core.
 */
export function pinToFastestCore(calibrate: () => void): CoreChoice | null {
  const rates = new Map<number, number>();
  for (let cpu = 0; cpu < os.cpus().length; cpu++) {
    if (pinThread(cpu)) rates.set(cpu, calibrationRate(calibrate));
  }
  if (rates.size < 2) return null;
  const [cpu] = [...rates].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return pinThread(cpu) ? { cpu, rates } : null;
}

/**
 * A line's note on its core, "cpu 0 of 0: 104, 1: 76 M; 103 M after", with
 * `scale` turning calibration runs per second into events per second.
 */
export function describeCore(choice: CoreChoice | null, after: number | null, scale: number): string {
  if (choice === null) return 'unpinned';
  const m = (rate: number): string => ((rate * scale) / 1e6).toFixed(0);
  const rates = [...choice.rates].map(([cpu, rate]) => `${cpu}: ${m(rate)}`).join(', ');
  return `cpu ${choice.cpu} of ${rates} M${after === null ? '' : `; ${m(after)} M after`}`;
}
