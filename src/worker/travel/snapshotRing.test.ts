import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJournal } from './journal';
import { createSnapshotRing } from './snapshotRing';

describe('the snapshot ring', () => {
  it('stays bounded and evenly spaced over a run of any length, keeping the first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 400 }), (capacity, interval, fractions) => {
        // Steps of at most one first interval, as a run's steps are (4096 rows against 20,000).
        const moves = fractions.map((f) => Math.floor((f / 1000) * interval));
        const ring = createSnapshotRing<null>(capacity, interval);
        let position = 0;
        ring.add({ position: 0, index: 0, state: null });
        moves.forEach((n, i) => {
          position += n;
          if (ring.due(position)) ring.add({ position, index: i + 1, state: null });
        });
        const list = ring.list;
        expect(list.length).toBeLessThanOrEqual(capacity);
        expect(list[0]!.position).toBe(0);
        // No replay starts further back than twice the (grown) interval.
        const probe = fc.sample(fc.integer({ min: 0, max: position }), { numRuns: 20, seed: moves.length })[0]!;
        const from = ring.before(probe)!;
        expect(from.position).toBeLessThanOrEqual(probe);
        const next = list.find((s) => s.position > probe);
        if (next !== undefined) expect(next.position - from.position).toBeLessThanOrEqual(2 * ring.interval);
      }),
    );
  });

  it('forgets the old future and the oldest on request', () => {
    const ring = createSnapshotRing<string>(8, 10);
    for (const p of [0, 10, 20, 30]) ring.add({ position: p, index: p, state: `s${p}` });
    ring.dropAfter(20); // journal index 20
    expect(ring.list.map((s) => s.position)).toEqual([0, 10, 20]);
    expect(ring.dropOldest()?.position).toBe(10);
    expect(ring.before(5)).toBeUndefined();
    expect(ring.before(25)?.state).toBe('s20');
  });
});

describe('the journal', () => {
  it('counts message text, forgets its oldest entries and cuts off a future', () => {
    const j = createJournal();
    j.append({ kind: 'message', sourceId: 'ws', text: 'abc' });
    j.append({ kind: 'tick', now: 5 });
    j.append({ kind: 'message', sourceId: 'ws', text: 'de' });
    expect(j.chars).toBe(5);
    j.dropBefore(1);
    expect([j.start, j.end, j.chars]).toEqual([1, 3, 2]);
    expect(() => j.at(0)).toThrow(RangeError);
    expect(j.cut(2)).toEqual([{ kind: 'message', sourceId: 'ws', text: 'de' }]);
    expect([j.end, j.chars]).toEqual([2, 0]);
  });
});
