import { describe, expect, it } from 'vitest';
import { createFramePacer } from './framePacer';

/** Frames by hand: `next()` runs the callbacks asked for before it, as a browser frame does. */
function fakeFrames() {
  let waiting = new Map<number, () => void>();
  let handles = 0;
  return {
    requestFrame: (callback: () => void) => {
      waiting.set(++handles, callback);
      return handles;
    },
    cancelFrame: (handle: number) => {
      waiting.delete(handle);
    },
    next() {
      const now = waiting;
      waiting = new Map();
      for (const callback of now.values()) callback();
    },
    get asked() {
      return waiting.size;
    },
  };
}

describe('createFramePacer', () => {
  it('runs at most perFrame tasks a frame, first queued first, and none before a frame', () => {
    const frames = fakeFrames();
    const pacer = createFramePacer({ perFrame: 4, ...frames });
    const ran: number[] = [];
    for (let i = 0; i < 9; i++) pacer.enqueue(() => ran.push(i));
    expect(ran).toEqual([]);
    frames.next();
    expect(ran).toEqual([0, 1, 2, 3]);
    frames.next();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    frames.next();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pacer.pending).toBe(0);
  });

  it('asks for one frame at a time and none once the queue is empty', () => {
    const frames = fakeFrames();
    const pacer = createFramePacer({ perFrame: 2, ...frames });
    for (let i = 0; i < 3; i++) pacer.enqueue(() => undefined);
    expect(frames.asked).toBe(1);
    frames.next();
    expect(frames.asked).toBe(1);
    frames.next();
    expect(frames.asked).toBe(0);
  });

  it('leaves out a task cancelled before its frame, and its place goes to the next one', () => {
    const frames = fakeFrames();
    const pacer = createFramePacer({ perFrame: 2, ...frames });
    const ran: string[] = [];
    pacer.enqueue(() => ran.push('a'));
    const cancelB = pacer.enqueue(() => ran.push('b'));
    pacer.enqueue(() => ran.push('c'));
    cancelB();
    frames.next();
    expect(ran).toEqual(['a', 'c']);
    // Cancelling a task that already ran changes nothing.
    cancelB();
    expect(pacer.pending).toBe(0);
  });

  it('runs a task queued by a task in a later frame, not in the frame that is running', () => {
    const frames = fakeFrames();
    const pacer = createFramePacer({ perFrame: 5, ...frames });
    const ran: string[] = [];
    pacer.enqueue(() => {
      ran.push('first');
      pacer.enqueue(() => ran.push('queued by first'));
    });
    frames.next();
    expect(ran).toEqual(['first']);
    frames.next();
    expect(ran).toEqual(['first', 'queued by first']);
  });

  it('counts the same function queued twice as two tasks', () => {
    const frames = fakeFrames();
    const pacer = createFramePacer({ perFrame: 1, ...frames });
    let calls = 0;
    const task = () => calls++;
    pacer.enqueue(task);
    pacer.enqueue(task);
    expect(pacer.pending).toBe(2);
    frames.next();
    frames.next();
    expect(calls).toBe(2);
  });

  it('drops waiting tasks and its frame when disposed', () => {
    const frames = fakeFrames();
    const pacer = createFramePacer({ perFrame: 1, ...frames });
    let calls = 0;
    pacer.enqueue(() => calls++);
    pacer.dispose();
    expect(frames.asked).toBe(0);
    frames.next();
    expect(calls).toBe(0);
  });

  it('refuses a pace of less than one task a frame', () => {
    const frames = fakeFrames();
    expect(() => createFramePacer({ perFrame: 0, ...frames })).toThrow(/at least 1/);
  });
});
