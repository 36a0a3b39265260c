import { describe, expect, it } from 'vitest';
import type { Frame } from '../../worker/protocol';
import { createDrainLoop } from './drainLoop';

function frame(phase: Frame['phase']): Frame {
  return { phase, runId: 1, failure: null, outputs: [], metrics: null, preview: null, diagnostics: [] };
}

function harness(phases: Frame['phase'][]) {
  const callbacks: (() => void)[] = [];
  const applied: Frame['phase'][] = [];
  let drains = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const loop = createDrainLoop({
    drain: async () => {
      drains++;
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await Promise.resolve();
      inFlight--;
      return frame(phases[Math.min(drains - 1, phases.length - 1)]!);
    },
    onFrame: (f) => applied.push(f.phase),
    onError: (e) => { throw e; },
    requestFrame: (cb) => callbacks.push(cb),
    cancelFrame: () => undefined,
  });
  const animate = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      for (const cb of callbacks.splice(0)) cb();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { loop, applied, animate, drains: () => drains, maxInFlight: () => maxInFlight, waiting: () => callbacks.length };
}

describe('the drain loop', () => {
  it('forgets a drain that will never answer when restarted', async () => {
    const callbacks: (() => void)[] = [];
    let calls = 0;
    const applied: number[] = [];
    const loop = createDrainLoop({
      drain: () => {
        calls++;
        // The first worker dies with this drain in flight.
        return calls === 1 ? new Promise<Frame>(() => undefined) : Promise.resolve({ ...frame('idle'), runId: calls });
      },
      onFrame: (f) => applied.push(f.runId),
      onError: (e) => { throw e; },
      requestFrame: (cb) => callbacks.push(cb),
      cancelFrame: () => undefined,
    });
    loop.wake();
    for (const cb of callbacks.splice(0)) cb();
    loop.restart();
    for (let i = 0; i < 4; i++) {
      for (const cb of callbacks.splice(0)) cb();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(applied[0]).toBe(2);
  });

  it('pulls once per animation frame with one drain in flight, and applies answers in a frame', async () => {
    const h = harness(['running']);
    h.loop.wake();
    expect(h.drains()).toBe(0);
    await h.animate(10);
    expect(h.maxInFlight()).toBe(1);
    expect(h.drains()).toBeGreaterThanOrEqual(9);
    expect(h.applied.length).toBeGreaterThanOrEqual(9);
  });

  it('sleeps a couple of frames after the run stops moving, and wakes on a command', async () => {
    const h = harness(['running', 'paused']);
    h.loop.wake();
    await h.animate(10);
    const drains = h.drains();
    expect(drains).toBeLessThanOrEqual(4);
    expect(h.waiting()).toBe(0);
    h.loop.wake();
    await h.animate(10);
    expect(h.drains()).toBeGreaterThan(drains);
  });

  it('applies answers at least pullEveryMs apart while it asks for a pace, pulling in a frame after the wait, and at once after a command', async () => {
    let clock = 0;
    const timers: { at: number; run: () => void }[] = [];
    const callbacks: (() => void)[] = [];
    const askedAt: number[] = [];
    const appliedAt: number[] = [];
    let every = 100;
    let requested = 0;
    const loop = createDrainLoop({
      drain: () => {
        askedAt.push(clock);
        return Promise.resolve(frame('running'));
      },
      onFrame: () => appliedAt.push(clock),
      onError: (e) => { throw e; },
      requestFrame: (cb) => {
        requested++;
        return callbacks.push(cb);
      },
      cancelFrame: () => undefined,
      pullEveryMs: () => every,
      now: () => clock,
      later: (run, delayMs) => {
        const timer = { at: clock + delayMs, run };
        timers.push(timer);
        return () => timers.splice(timers.indexOf(timer), 1);
      },
    });
    // Frames of 16 ms: due timers fire between frames, as a page's do.
    const frames = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i++) {
        clock += 16;
        for (const t of timers.filter((x) => x.at <= clock)) {
          timers.splice(timers.indexOf(t), 1);
          t.run();
        }
        for (const cb of callbacks.splice(0)) cb();
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    loop.wake();
    await frames(64);
    // About a second of frames: ten pulls or so, never two within 100 ms.
    expect(askedAt.length).toBeGreaterThanOrEqual(8);
    expect(askedAt.length).toBeLessThanOrEqual(11);
    const gaps = appliedAt.slice(1).map((at, i) => at - appliedAt[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    // Each answer is applied in the frame after it came (not in the timer's task).
    expect(appliedAt.length).toBeGreaterThanOrEqual(askedAt.length - 1);
    // While it waits, no frame is asked for (the page has nothing to do between pulls): one to pull, one to apply.
    expect(requested).toBeLessThanOrEqual(2 * askedAt.length + 1);
    // A command pulls at once, whatever the wait.
    await frames(1);
    const waitingSince = askedAt.length;
    loop.wake();
    for (const cb of callbacks.splice(0)) cb();
    expect(askedAt.length).toBe(waitingSince + 1);
    expect(askedAt.at(-1)! - askedAt.at(-2)!).toBeLessThan(100);
    // No pace: every frame again.
    every = 0;
    await frames(10);
    const last = askedAt.slice(-5);
    expect(last.slice(1).map((at, i) => at - last[i]!)).toEqual([16, 16, 16, 16]);
    loop.dispose();
    expect(timers).toEqual([]);
  });

  it('has the worker give way while an answer is drawn at Max, and from the drain on for the first answers after a command', async () => {
    const calls: string[] = [];
    const callbacks: (() => void)[] = [];
    const timers: (() => void)[] = [];
    let max = true;
    const loop = createDrainLoop({
      drain: () => {
        calls.push('drain');
        return Promise.resolve(frame('running'));
      },
      onFrame: () => calls.push('apply'),
      onError: (e) => { throw e; },
      requestFrame: (cb) => callbacks.push(cb),
      cancelFrame: () => undefined,
      givesWay: () => max,
      drawing: () => calls.push('drawing'),
      drawn: () => calls.push('drawn'),
      later: (run) => {
        timers.push(run);
        return () => undefined;
      },
    });
    // A frame: its callbacks, then the tasks they queued (which run after its rendering).
    const frames = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i++) {
        for (const cb of callbacks.splice(0)) cb();
        calls.push('rendered');
        for (const run of timers.splice(0)) run();
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    loop.wake();
    await frames(4);
    expect(calls).toEqual([
      // From the command on (its own frames), and for the first two answers after it from the answer on.
      'drawing',
      'drawing', 'drain', 'rendered',
      'drawing', 'apply', 'drawing', 'drain', 'rendered', 'drawn',
      'drawing', 'apply', 'drain', 'rendered', 'drawn',
      // Later ones: only while the page draws them, told it has drawn once the frame is rendered.
      'drawing', 'apply', 'drain', 'rendered', 'drawn',
    ]);
    // Not at Max: the worker is never asked to wait.
    max = false;
    calls.length = 0;
    loop.wake();
    await frames(3);
    expect(calls.filter((c) => c === 'drawing' || c === 'drawn')).toEqual([]);
    expect(calls.filter((c) => c === 'apply').length).toBeGreaterThan(0);
    loop.dispose();
  });

  it('keeps draining after the run ended while alert webhooks still have rows to post', async () => {
    const frames: Frame[] = [...Array.from({ length: 8 }, () => ({ ...frame('finished'), webhooksPending: true })), frame('finished')];
    const callbacks: (() => void)[] = [];
    let drains = 0;
    const loop = createDrainLoop({
      drain: () => Promise.resolve(frames[Math.min(drains++, frames.length - 1)]!),
      onFrame: () => undefined,
      onError: (e) => { throw e; },
      requestFrame: (cb) => callbacks.push(cb),
      cancelFrame: () => undefined,
    });
    loop.wake();
    for (let i = 0; i < 40; i++) {
      for (const cb of callbacks.splice(0)) cb();
      await new Promise((r) => setTimeout(r, 0));
    }
    // Every pending frame asked for another; after the first without, it settles within a couple.
    expect(drains).toBeGreaterThanOrEqual(9);
    expect(drains).toBeLessThanOrEqual(12);
    expect(callbacks).toHaveLength(0);
  });
});
