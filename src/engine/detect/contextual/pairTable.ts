/**
 * Contexts by their (left set, right set) pair: an open-addressing table of
 * context id + 1 (0: empty) over the memory's own contextLeft/contextRight
 * arrays, so it is plain data and holds no keys of its own.
 */

function pairHash(left: number, right: number): number {
  let h = Math.imul(left, 0x9e3779b1) ^ Math.imul(right + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The context with this pair, or -1. */
export function findPair(slots: Int32Array, lefts: readonly number[], rights: readonly number[], left: number, right: number): number {
  const mask = slots.length - 1;
  let i = pairHash(left, right) & mask;
  for (;;) {
    const slot = slots[i]!;
    if (slot === 0) return -1;
    const c = slot - 1;
    if (lefts[c] === left && rights[c] === right) return c;
    i = (i + 1) & mask;
  }
}

function place(slots: Int32Array, left: number, right: number, c: number): void {
  const mask = slots.length - 1;
  let i = pairHash(left, right) & mask;
  while (slots[i] !== 0) i = (i + 1) & mask;
  slots[i] = c + 1;
}

/** Adds context `c` (already in lefts/rights); returns the table, a bigger one when it had to grow. */
export function addPair(slots: Int32Array, lefts: readonly number[], rights: readonly number[], c: number): Int32Array {
  if ((c + 1) * 2 <= slots.length) {
    place(slots, lefts[c]!, rights[c]!, c);
    return slots;
  }
  const grown = new Int32Array(slots.length * 2);
  for (let k = 0; k <= c; k++) place(grown, lefts[k]!, rights[k]!, k);
  return grown;
}
