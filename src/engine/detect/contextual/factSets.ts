/**
 * Sorted sets of integer facts and an open-addressing table that finds a set
 * by its contents. Plain data (arrays and an Int32Array) so the contextual
 * detector's memory snapshots like every other operator's state, and no
 * string keys: a set is found by a numeric hash of its facts.
 */

/** A table of distinct fact sets: `sets[id]` is the set with id `id`; `slots` maps a hash to id + 1 (0: empty). */
export interface FactSetTable {
  sets: number[][];
  slots: Int32Array;
}

export function createFactSetTable(): FactSetTable {
  return { sets: [], slots: new Int32Array(64) };
}

function hashFacts(facts: readonly number[]): number {
  let h = 0x811c9dc5 ^ facts.length;
  for (let i = 0; i < facts.length; i++) h = Math.imul(h ^ facts[i]!, 0x01000193);
  // Final mix: FNV's low bits are weak for small integers, and the table masks them.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

function sameFacts(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function place(slots: Int32Array, hash: number, id: number): void {
  const mask = slots.length - 1;
  let i = hash & mask;
  while (slots[i] !== 0) i = (i + 1) & mask;
  slots[i] = id + 1;
}

/** The id of `facts` in `table`, or -1. */
export function findFactSet(table: FactSetTable, facts: readonly number[]): number {
  const { slots, sets } = table;
  const mask = slots.length - 1;
  let i = hashFacts(facts) & mask;
  for (;;) {
    const slot = slots[i]!;
    if (slot === 0) return -1;
    if (sameFacts(sets[slot - 1]!, facts)) return slot - 1;
    i = (i + 1) & mask;
  }
}

/** Adds `facts` (not in the table yet; the table keeps the array) and returns its id. */
export function addFactSet(table: FactSetTable, facts: number[]): number {
  const id = table.sets.length;
  table.sets.push(facts);
  if (table.sets.length * 2 > table.slots.length) {
    // Kept at most half full so probes stay short.
    const slots = new Int32Array(table.slots.length * 2);
    for (let k = 0; k < table.sets.length; k++) place(slots, hashFacts(table.sets[k]!), k);
    table.slots = slots;
  } else {
    place(table.slots, hashFacts(facts), id);
  }
  return id;
}

/** The facts of sorted `a` that are also in sorted `b`, in order. */
export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}
