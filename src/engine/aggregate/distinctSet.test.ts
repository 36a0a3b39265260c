import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitCount, createDistinctSet, distinctAdd, distinctAddWords, distinctMembers, distinctMerge, resetDistinctSet, type DistinctSet } from './distinctSet';

/** Dictionary codes, some large ones, and numbers that are no codes at all. */
const value = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 0, max: 5000 }),
  fc.constantFrom(-0, -1, 0.5, 2 ** 31, 2 ** 32, 1e300, -Infinity, Infinity),
  fc.double({ noNaN: true }),
);
const values = fc.array(value, { maxLength: 200 });

function setOf(xs: readonly number[]): DistinctSet {
  const s = createDistinctSet();
  for (const x of xs) distinctAdd(s, x);
  return s;
}

function sorted(xs: Iterable<number>): number[] {
  return [...xs].sort((a, b) => a - b);
}

describe('the distinct set', () => {
  it('holds exactly the members a Set would, and counts them', () => {
    fc.assert(fc.property(values, (xs) => {
      const s = setOf(xs);
      const reference = new Set(xs);
      expect(s.size).toBe(reference.size);
      expect(sorted(distinctMembers(s))).toEqual(sorted(reference));
    }));
  });

  it('merges to the union, whatever was in bits and whatever in others', () => {
    fc.assert(fc.property(values, values, (a, b) => {
      const merged = setOf(a);
      distinctMerge(merged, setOf(b));
      const union = new Set([...a, ...b]);
      expect(merged.size).toBe(union.size);
      expect(sorted(distinctMembers(merged))).toEqual(sorted(union));
    }));
  });

  it('adds the members of bit words, as a cell keeps a small set flat, exactly as adding each member', () => {
    const words = fc.array(fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constant(0), fc.constant(2 ** 31)), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(values, words, fc.nat(3), (xs, ws, at) => {
      const s = setOf(xs);
      const flat = new Uint32Array(at + ws.length);
      flat.set(ws, at);
      distinctAddWords(s, flat, at, ws.length);
      const reference = new Set(xs);
      ws.forEach((w, i) => { for (let b = 0; b < 32; b++) if ((w >>> b) & 1) reference.add(32 * i + b); });
      expect(s.size).toBe(reference.size);
      expect(sorted(distinctMembers(s))).toEqual(sorted(reference));
    }));
  });

  it('counts the bits of a word', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (w) => {
      expect(bitCount(w)).toBe([...w.toString(2)].filter((d) => d === '1').length);
    }));
    expect(bitCount(0xffffffff)).toBe(32);
    expect(bitCount(-1)).toBe(32);
  });

  it('answers after a reset as a fresh set', () => {
    fc.assert(fc.property(values, values, (before, after) => {
      const reused = setOf(before);
      resetDistinctSet(reused);
      for (const x of after) distinctAdd(reused, x);
      expect(reused.size).toBe(new Set(after).size);
      expect(sorted(distinctMembers(reused))).toEqual(sorted(new Set(after)));
    }));
  });

  it('keeps bits to at most 64 per member (plus a little), so a few large codes cost no big bitmap', () => {
    fc.assert(fc.property(values, (xs) => {
      const s = setOf(xs);
      expect(s.bits.length).toBeLessThanOrEqual(Math.max(2, 2 * (s.size + 1)));
    }));
    const s = setOf([1_000_000]);
    expect(s.bits.length).toBe(2);
  });

  it('stays plain data: a structured clone holds the same members', () => {
    fc.assert(fc.property(values, (xs) => {
      const s = setOf(xs);
      const copy = structuredClone(s);
      expect(copy.size).toBe(s.size);
      expect(sorted(distinctMembers(copy))).toEqual(sorted(distinctMembers(s)));
    }));
  });
});
