import { describe, expect, it } from 'vitest';
import type { Observable } from './types';
import { createVersionPacer } from './versionPacer';

/** A source whose version the test bumps, notifying its listeners. */
function source(): Observable & { bump(): void } {
  const listeners = new Set<() => void>();
  let version = 0;
  return {
    get version() {
      return version;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    bump() {
      version++;
      for (const l of listeners) l();
    },
  };
}

/** Frames by hand at a given time: `frame(t)` runs the timers due by then, then the callbacks asked for before it. */
function fakeFrames() {
  let waiting = new Map<number, (now: number) => void>();
  let handles = 0;
  let timers: { at: number; run: () => void }[] = [];
  let clock = 0;
  return {
    later: (run: () => void, delayMs: number) => {
      const timer = { at: clock + delayMs, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    get timers() {
      return timers.length;
    },
    requestFrame: (callback: (now: number) => void) => {
      waiting.set(++handles, callback);
      return handles;
    },
    cancelFrame: (handle: number) => {
      waiting.delete(handle);
    },
    frame(now: number) {
      clock = now;
      const ready = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of ready) t.run();
      const due = waiting;
      waiting = new Map();
      for (const callback of due.values()) callback(now);
    },
    get asked() {
      return waiting.size;
    },
  };
}

describe('createVersionPacer', () => {
  it('shows the version in the frame after it starts, not when it starts', () => {
    const src = source();
    src.bump();
    const frames = fakeFrames();
    const shown: number[] = [];
    createVersionPacer({ source: src, minIntervalMs: 500, show: (v) => shown.push(v), ...frames });
    expect(shown).toEqual([]);
    frames.frame(1000);
    expect(shown).toEqual([1]);
  });

  it('shows changes at most once per interval, the latest version each time, counted from the catch-up', () => {
    const src = source();
    const frames = fakeFrames();
    const shown: [number, number][] = [];
    let now = 0;
    createVersionPacer({ source: src, minIntervalMs: 500, show: (v) => shown.push([now, v]), ...frames });
    // 16 ms frames for 1.2 s, the source changing before each.
    for (now = 16; now <= 1200; now += 16) {
      src.bump();
      frames.frame(now);
    }
    expect(shown.map(([at]) => at)).toEqual([16, 528, 1040]);
    expect(shown.map(([, v]) => v)).toEqual([1, 33, 65]);
  });

  it('waits for the interval on a timer, asking for no frame until it ends', () => {
    const src = source();
    const frames = fakeFrames();
    let asked = 0;
    const shown: number[] = [];
    createVersionPacer({
      source: src,
      minIntervalMs: 500,
      show: (v) => shown.push(v),
      ...frames,
      requestFrame: (callback) => {
        asked++;
        return frames.requestFrame(callback);
      },
    });
    for (let now = 16; now <= 1200; now += 16) {
      src.bump();
      frames.frame(now);
    }
    expect(shown).toHaveLength(3);
    // The start, then per show: one frame found too early (it sets the timer) and one after the timer.
    expect(asked).toBeLessThanOrEqual(1 + 2 * 3);
  });

  it('shows every frame when no interval is given, and asks for no frame while the source stands still', () => {
    const src = source();
    const frames = fakeFrames();
    const shown: number[] = [];
    createVersionPacer({ source: src, minIntervalMs: 0, show: (v) => shown.push(v), ...frames });
    frames.frame(16);
    src.bump();
    src.bump();
    frames.frame(32);
    expect(shown).toEqual([0, 2]);
    expect(frames.asked).toBe(0);
  });

  it('shows nothing more once disposed', () => {
    const src = source();
    const frames = fakeFrames();
    const shown: number[] = [];
    const pacer = createVersionPacer({ source: src, minIntervalMs: 0, show: (v) => shown.push(v), ...frames });
    pacer.dispose();
    src.bump();
    frames.frame(16);
    expect(shown).toEqual([]);
    expect(frames.asked).toBe(0);
  });

  it('drops its timer when disposed while it waits', () => {
    const src = source();
    const frames = fakeFrames();
    const pacer = createVersionPacer({ source: src, minIntervalMs: 500, show: () => undefined, ...frames });
    frames.frame(16);
    src.bump();
    frames.frame(32);
    expect(frames.timers).toBe(1);
    pacer.dispose();
    expect(frames.timers).toBe(0);
  });
});
