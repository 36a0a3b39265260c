import { describe, expect, it } from 'vitest';
import { backoffDelay, createRetrySchedule, type Scheduler } from './retrySchedule';

/** A scheduler on a fake clock: `advance` runs what falls due, in order. */
function fakeScheduler() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const scheduler: Scheduler = {
    setTimeout(run, ms) {
      const id = nextId++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  /** Moves the clock on by `ms`, running each timer at its time and letting each look's promise settle. */
  const advance = async (ms: number): Promise<void> => {
    const end = now + ms;
    for (;;) {
      await flush();
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = end;
    await flush();
  };
  return { scheduler, advance, now: () => now, pending: () => pending.size };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** A server that is away until `upAt` (ms on the fake clock); records when it was asked. */
function server(clock: () => number, upAt = Infinity) {
  const asked: number[] = [];
  return { asked, check: () => { asked.push(clock()); return Promise.resolve(clock() >= upAt); } };
}

describe('backoffDelay', () => {
  it('waits 2 s, then twice as long each time, at most about 4 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((n) => backoffDelay(n))).toEqual([2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 256000, 256000]);
  });
});

describe('a retry schedule', () => {
  it('looks at once, then with growing waits while the server is away: 9 looks in 10 minutes', async () => {
    const fake = fakeScheduler();
    const away = server(fake.now);
    createRetrySchedule(away.check, fake.scheduler);
    await fake.advance(600_000);
    expect(away.asked).toEqual([0, 2000, 6000, 14000, 30000, 62000, 126000, 254000, 510000]);
  });

  it('stops when the server answers, and starts again from 2 s after the next failure', async () => {
    const fake = fakeScheduler();
    const later = server(fake.now, 10_000);
    const schedule = createRetrySchedule(later.check, fake.scheduler);
    await fake.advance(60_000);
    expect(later.asked).toEqual([0, 2000, 6000, 14000]);
    expect(schedule.failures()).toBe(0);
    expect(fake.pending()).toBe(0);
  });

  it('looks at once when asked, cancelling the wait, and keeps the failures counted', async () => {
    const fake = fakeScheduler();
    const away = server(fake.now);
    const schedule = createRetrySchedule(away.check, fake.scheduler);
    await fake.advance(20_000);
    expect(away.asked).toEqual([0, 2000, 6000, 14000]);
    schedule.checkNow();
    await fake.advance(0);
    expect(away.asked.at(-1)).toBe(20_000);
    expect(schedule.failures()).toBe(5);
    await fake.advance(40_000);
    // The wait after the fifth failure is 32 s, from the look asked for.
    expect(away.asked.slice(4)).toEqual([20_000, 52_000]);
    expect(fake.pending()).toBe(1);
  });

  it('does nothing more once disposed', async () => {
    const fake = fakeScheduler();
    const away = server(fake.now);
    const schedule = createRetrySchedule(away.check, fake.scheduler);
    await fake.advance(3000);
    schedule.dispose();
    schedule.checkNow();
    await fake.advance(600_000);
    expect(away.asked).toEqual([0, 2000]);
    expect(fake.pending()).toBe(0);
  });
});
