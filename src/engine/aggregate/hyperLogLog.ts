/**
 * HyperLogLog distinct counting (plain data, mergeable by register max).
 * Precision 12: 4096 one-byte registers, a standard error of about 1.6%
 * (1.04 / sqrt(4096)).
 */
export const HLL_PRECISION = 12;
const REGISTERS = 1 << HLL_PRECISION;
const ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);
/** A rank is at most 32 - precision + 1 (the hash's remaining bits, plus one). */
const RANKS = 32 - HLL_PRECISION + 2;

/** A class, not an object literal: see FastRun (window/fastFold) for why. */
export class Hll {
  readonly registers = new Uint8Array(REGISTERS);
  /**
   * ranks[r] counts the registers holding r, kept as registers change: the
   * estimate reads these few numbers instead of all 4096 registers, which cost
   * more per window and key than the adds for windows of a hundred events.
   */
  readonly ranks = new Int32Array(RANKS);

  constructor() {
    this.ranks[0] = REGISTERS; // every register starts at rank 0
  }
}

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/** Creates an empty sketch. */
export function createHll(): Hll {
  return new Hll();
}

/** Empties a sketch for reuse. */
export function resetHll(hll: Hll): void {
  // Nothing to clear when no register was ever set (a cell that only saw missing values).
  if (hll.ranks[0] === REGISTERS) return;
  hll.registers.fill(0);
  hll.ranks.fill(0);
  hll.ranks[0] = REGISTERS;
}

/** A well-mixed 32-bit hash of a double's bits (murmur3's finaliser over both words). */
function hashNumber(value: number): number {
  scratch[0] = value === 0 ? 0 : value; // -0 and 0 are the same value
  let h = Math.imul(scratchWords[0]! ^ 0x9e3779b9, 0x85ebca6b) ^ scratchWords[1]!;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Adds a value (a number, or a string's dictionary code) to the sketch. */
export function hllAdd(hll: Hll, value: number): void {
  const h = hashNumber(value);
  const index = h >>> (32 - HLL_PRECISION);
  const rest = (h << HLL_PRECISION) | (1 << (HLL_PRECISION - 1));
  raise(hll, index, Math.clz32(rest) + 1);
}

/** Adds values[from..to), skipping NaN (missing): one call per run of a cell's values, the loop beside hllAdd so it inlines. */
export function hllAddRun(hll: Hll, values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const x = values[i]!;
    if (x === x) hllAdd(hll, x);
  }
}

function raise(hll: Hll, index: number, rank: number): void {
  const old = hll.registers[index]!;
  if (rank <= old) return;
  hll.registers[index] = rank;
  hll.ranks[old]!--;
  hll.ranks[rank]!++;
}

/** Folds `other` into `into` (the union of both sets). */
export function hllMerge(into: Hll, other: Hll): void {
  if (other.ranks[0] === REGISTERS) return;
  const theirs = other.registers;
  for (let i = 0; i < REGISTERS; i++) raise(into, i, theirs[i]!);
}

/**
 * Estimated number of distinct values, with the small-range (linear
 * counting) correction. It depends on the registers only (summed rank by
 * rank), never on the order of adds or merges.
 */
export function hllEstimate(hll: Hll): number {
  const ranks = hll.ranks;
  let sum = 0;
  for (let r = 0; r < RANKS; r++) sum += ranks[r]! / 2 ** r;
  const zeros = ranks[0]!;
  const raw = (ALPHA * REGISTERS * REGISTERS) / sum;
  if (raw <= 2.5 * REGISTERS && zeros > 0) return Math.round(REGISTERS * Math.log(REGISTERS / zeros));
  return Math.round(raw);
}
