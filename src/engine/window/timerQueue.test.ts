import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearTimer, createTimerQueue, hasTimerDue, nextTimerAt, popTimer, setTimer } from './timerQueue';

type Op = { kind: 'set'; slot: number; at: number } | { kind: 'clear'; slot: number } | { kind: 'pop'; w: number };

/** The meaning of a timer queue, spelled out: per slot its pending (at, order set), earliest first. */
class Model {
  private readonly pending = new Map<number, { at: number; seq: number }>();
  private seq = 0;
  set(slot: number, at: number): void { this.pending.set(slot, { at, seq: this.seq++ }); }
  clear(slot: number): void { this.pending.delete(slot); }
  next(): { slot: number; at: number } | null {
    let best: { slot: number; at: number; seq: number } | null = null;
    for (const [slot, p] of this.pending) {
      if (best === null || p.at < best.at || (p.at === best.at && p.seq < best.seq)) best = { slot, ...p };
    }
    return best;
  }
}

/** Timers within `spread` of each other: a small spread makes many ties. */
const ops = (slots: number, spread: number): fc.Arbitrary<Op[]> => fc.array(fc.oneof(
  fc.record({ kind: fc.constant('set' as const), slot: fc.nat(slots - 1), at: fc.integer({ min: 0, max: spread }) }),
  fc.record({ kind: fc.constant('clear' as const), slot: fc.nat(slots - 1) }),
  fc.record({ kind: fc.constant('pop' as const), w: fc.integer({ min: -5, max: spread + 10 }) }),
), { maxLength: 400 });

describe('the timer queue', () => {
  it('pops each slot\'s latest timer in order of time, then of setting, skipping replaced and cleared ones', () => {
    const shapes = fc.tuple(fc.integer({ min: 1, max: 200 }), fc.constantFrom(3, 60), fc.boolean());
    fc.assert(fc.property(shapes, ([slots, spread, drift]) => fc.assert(fc.property(ops(slots, spread), (list) => {
      const q = createTimerQueue();
      const model = new Model();
      let base = 0;
      for (const op of list) {
        if (op.kind === 'set') {
          // With drift, times climb like event time, so most timers are set in order and a few before.
          const at = drift ? base + op.at - 10 : op.at;
          if (drift) base++;
          setTimer(q, op.slot, at);
          model.set(op.slot, at);
        } else if (op.kind === 'clear') {
          clearTimer(q, op.slot);
          model.clear(op.slot);
        } else {
          const w = drift ? base + op.w - 10 : op.w;
          for (;;) {
            const expected = model.next();
            expect(nextTimerAt(q)).toBe(expected?.at ?? Infinity);
            const due = expected !== null && expected.at <= w;
            expect(hasTimerDue(q, w)).toBe(due);
            if (!due) break;
            popTimer(q);
            expect([q.poppedSlot, q.poppedAt]).toEqual([expected.slot, expected.at]);
            model.clear(expected.slot);
          }
        }
      }
    }), { numRuns: 20 })), { numRuns: 30 });
  });

  it('breaks a tie between a timer in the ring and one in the heap by the order they were set', () => {
    const q = createTimerQueue();
    setTimer(q, 0, 10);
    setTimer(q, 1, 5); // earlier than the ring's last timer: to the heap
    clearTimer(q, 0);
    expect(hasTimerDue(q, 4)).toBe(false); // the ring is now empty
    setTimer(q, 2, 5); // to the ring, as it is empty
    popTimer(q);
    expect(q.poppedSlot).toBe(1);
    popTimer(q);
    expect(q.poppedSlot).toBe(2);
  });

  it('keeps memory to about the pending timers when one slot is set again and again', () => {
    const q = createTimerQueue();
    for (let t = 0; t < 100_000; t++) setTimer(q, t % 3, t);
    expect(q.ring.length).toBeLessThanOrEqual(3 * 64);
    for (let t = 0; t < 100_000; t++) setTimer(q, 5, 100_000 - t);
    expect(q.heap.nodes.length).toBeLessThanOrEqual(3 * 64);
    const popped: number[] = [];
    while (hasTimerDue(q, Infinity)) {
      popTimer(q);
      popped.push(q.poppedSlot);
    }
    expect(popped).toEqual([5, 1, 2, 0]);
  });

  it('is plain data that survives structuredClone and goes on the same', () => {
    const q = createTimerQueue();
    [5, 3, 9, 3, 1].forEach((at, slot) => setTimer(q, slot, at));
    const copy = structuredClone(q);
    const order = (x: typeof q): number[] => {
      const out: number[] = [];
      while (hasTimerDue(x, Infinity)) { popTimer(x); out.push(x.poppedSlot); }
      return out;
    };
    expect(order(copy)).toEqual([4, 1, 3, 0, 2]);
    expect(order(q)).toEqual([4, 1, 3, 0, 2]);
  });
});
