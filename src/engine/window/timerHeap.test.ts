import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimerHeap, hasTimerDue, peekTime, popTimer, pushTimer } from './timerHeap';

describe('the timer heap', () => {
  it('pops timers in time order, with their key and tag, however they were pushed', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }), (times) => {
      const h = createTimerHeap();
      times.forEach((t, i) => pushTimer(h, t, i, t * 10));
      const popped: number[] = [];
      while (hasTimerDue(h, Infinity)) {
        popTimer(h);
        expect(h.poppedTag).toBe(h.poppedAt * 10);
        expect(times[h.poppedKey]).toBe(h.poppedAt);
        popped.push(h.poppedAt);
      }
      expect(popped).toEqual([...times].sort((a, b) => a - b));
      expect(peekTime(h)).toBe(Infinity);
    }));
  });
});
