import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimerHeap, filterHeapTimers, popHeapTimer, pushHeapTimer, type TimerHeap } from './timerHeap';

function drain(h: TimerHeap): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (h.size > 0) {
    popHeapTimer(h);
    out.push([h.poppedAt, h.poppedSeq, h.poppedSlot]);
  }
  return out;
}

const byTimeThenSeq = (a: [number, number, number], b: [number, number, number]): number => a[0] - b[0] || a[1] - b[1];

describe('the timer heap', () => {
  it('pops timers by time and, on equal times, by seq, with their slot, however they were pushed', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 300 }), (times) => {
      const h = createTimerHeap();
      // Seqs pushed in a scrambled order, so ties cannot come out right by accident.
      const timers = times.map((t, i): [number, number, number] => [t, (i * 7919) % 1009, i]);
      for (const [t, seq, slot] of timers) pushHeapTimer(h, t, seq, slot);
      expect(drain(h)).toEqual([...timers].sort(byTimeThenSeq));
    }));
  });

  it('keeps the order of the timers a filter keeps', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { maxLength: 200 }), (spec) => {
      const h = createTimerHeap();
      spec.forEach(([t], i) => pushHeapTimer(h, t, i, i));
      filterHeapTimers(h, (seq) => spec[seq]![1]);
      const kept = spec.flatMap(([t, keep], i): [number, number, number][] => (keep ? [[t, i, i]] : []));
      expect(drain(h)).toEqual(kept.sort(byTimeThenSeq));
    }));
  });
});
