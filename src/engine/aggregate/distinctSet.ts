const MIN_WORDS = 2;

/**
 * The exact set behind countDistinct. Distinct counts mostly run over string
 * fields, whose values here are dictionary codes: small whole numbers, kept as
 * bits (a load, a test and an or per value, where a Set hashed and often grew
 * its table, and was most of a distinct count's cost). Any other number goes
 * to a Set. Plain data (a typed array, a Set, a number), mergeable. A class,
 * not an object literal: see FastRun (window/fastFold) for why.
 */
export class DistinctSet {
  /** Members in bits and in others together. */
  size = 0;
  /** Bit (i & 31) of word i >>> 5 is set when whole number i is a member. */
  bits: Uint32Array;
  /** Members that bits does not cover; a value is never in both. */
  others: Set<number> | null = null;

  /** An empty set with room for whole numbers below 32 * `words` in bits. */
  constructor(words: number = MIN_WORDS) {
    this.bits = new Uint32Array(words);
  }
}

/** Creates an empty set. */
export function createDistinctSet(): DistinctSet {
  return new DistinctSet();
}

/** Empties a set, keeping its room. */
export function resetDistinctSet(set: DistinctSet): void {
  set.size = 0;
  set.bits.fill(0);
  set.others?.clear();
}

/** Adds a value (not NaN). */
export function distinctAdd(set: DistinctSet, x: number): void {
  const bits = set.bits;
  // True only for whole numbers 0 <= x < 2^32 (-0 included, the same member as 0, as in a Set).
  if (x >>> 0 === x && x >>> 5 < bits.length) {
    const w = x >>> 5;
    const word = bits[w]!;
    const bit = 1 << (x & 31);
    if ((word & bit) === 0) {
      bits[w] = word | bit;
      set.size++;
    }
    return;
  }
  addBeyondBits(set, x);
}

/** Adds values[from..to), skipping NaN (missing): one call per run of a cell's values, the loop beside distinctAdd so it inlines. */
export function distinctAddRun(set: DistinctSet, values: Float64Array, from: number, to: number): void {
  // distinctAdd's fast path with bits and size held in locals, written back once per run.
  let bits = set.bits;
  let size = set.size;
  for (let i = from; i < to; i++) {
    const x = values[i]!;
    if (x !== x) continue;
    if (x >>> 0 === x && x >>> 5 < bits.length) {
      const w = x >>> 5;
      const word = bits[w]!;
      const bit = 1 << (x & 31);
      if ((word & bit) === 0) {
        bits[w] = word | bit;
        size++;
      }
    } else {
      set.size = size;
      addBeyondBits(set, x);
      size = set.size;
      bits = set.bits;
    }
  }
  set.size = size;
}

/**
 * Grows bits to take x when that keeps them at most 64 bits per member (so a
 * few large codes cannot make every cell of a window hold a big bitmap);
 * otherwise x goes to others.
 */
function addBeyondBits(set: DistinctSet, x: number): void {
  const w = x >>> 5;
  if (x >>> 0 === x && w < 2 * (set.size + 1)) {
    growBits(set, Math.max(w + 1, Math.min(2 * set.bits.length, 2 * (set.size + 1))));
    distinctAdd(set, x);
    return;
  }
  const others = (set.others ??= new Set());
  const before = others.size;
  others.add(x);
  set.size += others.size - before;
}

/** Widens bits to `words`, moving the members of others they now cover. */
function growBits(set: DistinctSet, words: number): void {
  const bits = new Uint32Array(words);
  bits.set(set.bits);
  set.bits = bits;
  const others = set.others;
  if (others === null) return;
  const limit = words * 32;
  for (const x of others) {
    if (x >>> 0 !== x || x >= limit) continue;
    others.delete(x);
    bits[x >>> 5]! |= 1 << (x & 31);
  }
}

/** Folds `from` into `into` (the union). */
export function distinctMerge(into: DistinctSet, from: DistinctSet): void {
  const bits = from.bits;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      distinctAdd(into, w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  if (from.others !== null) for (const x of from.others) distinctAdd(into, x);
}

/**
 * Adds the members of `count` bit words (word w of words[at..] covers whole
 * numbers 32 w to 32 w + 31), as a window cell keeps a small set flat.
 */
export function distinctAddWords(set: DistinctSet, words: Uint32Array, at: number, count: number): void {
  if (set.bits.length < count) growBits(set, count);
  // Members below bits.length * 32 are never in others, so new members are the bits not yet set.
  const bits = set.bits;
  for (let w = 0; w < count; w++) {
    const added = words[at + w]! & ~bits[w]!;
    bits[w]! |= added;
    set.size += bitCount(added);
  }
}

/** The number of bits set in a 32-bit word. */
export function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Every member, in no particular order (for tests and debugging). */
export function distinctMembers(set: DistinctSet): number[] {
  const out: number[] = [];
  for (let w = 0; w < set.bits.length; w++) for (let b = 0; b < 32; b++) if ((set.bits[w]! >>> b) & 1) out.push(w * 32 + b);
  if (set.others !== null) out.push(...set.others);
  return out;
}
