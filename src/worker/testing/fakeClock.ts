/** A fake clock and timer queue for the worker's scheduler tests: time moves only when told. */
import type { SchedulerClock } from '../scheduler';

export interface FakeClock extends SchedulerClock {
  /** Runs every task due within `ms`, in order, moving time along. */
  advance(ms: number): void;
  /** Tasks waiting. */
  pending(): number;
}

/** `perCall` ms pass on every `now()`, so a slice that loops on the clock ends. */
export function createFakeClock(perCall = 0): FakeClock {
  let t = 1_000_000;
  let seq = 0;
  let tasks: { at: number; seq: number; run: () => void }[] = [];
  return {
    now() {
      t += perCall;
      return t;
    },
    later(run, delayMs) {
      const task = { at: t + delayMs, seq: seq++, run };
      tasks.push(task);
      return () => {
        tasks = tasks.filter((x) => x !== task);
      };
    },
    advance(ms) {
      const end = t + ms;
      for (;;) {
        tasks.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = tasks[0];
        if (next === undefined || next.at > end) break;
        tasks.shift();
        t = Math.max(t, next.at);
        next.run();
      }
      t = Math.max(t, end);
    },
    pending: () => tasks.length,
  };
}
