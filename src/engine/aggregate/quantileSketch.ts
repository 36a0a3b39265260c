import { flushBuffer, mergeBins, resetBins } from './sketchBins';
import { BUFFER_SIZE, mapping, NEGATIVE_BASE, POSITIVE_BASE, ZERO_CODE } from './sketchMapping';

/**
 * Counts per bucket key of one sign, as a plain typed array: counts[i] holds
 * key offset + i; entries never written are 0. Bins grow geometrically in
 * either direction and keep their room when emptied, so a sketch reused
 * window after window stops allocating.
 */
export interface SketchBins {
  offset: number;
  counts: Float64Array;
  /** The smallest and largest key counted (Infinity and -Infinity when none), so a quantile scans no spare room. */
  minKey: number;
  maxKey: number;
}

/**
 * A DDSketch: @datadog/sketches-js supplies the bucket mapping and its
 * relative-accuracy guarantee (see sketchMapping); values wait as codes in
 * `buffer` until it fills, then move to the bins (see sketchBins). All plain
 * data that can be snapshotted and merged.
 */
export interface QuantileSketch {
  /** Values added, buffered or not. */
  count: number;
  min: number;
  max: number;
  /** Codes of values not yet in the bins: `buffered` of them, ascending when `sorted`. */
  buffer: Int32Array;
  buffered: number;
  sorted: boolean;
  /** Values in the bins near enough to zero to count as zero. */
  zeroCount: number;
  positive: SketchBins;
  negative: SketchBins;
}

// Imports copied into module constants: every added value runs through this
// module, and calls or reads across modules (export getters, once compiled)
// kept the JIT from inlining that path; it was slower than the Math.log it replaced.
const SIZE = BUFFER_SIZE;
const NEGATIVE = NEGATIVE_BASE;
const ZERO = ZERO_CODE;
const POSITIVE = POSITIVE_BASE;
const MIN_POSSIBLE = mapping.minPossible;
const MAX_POSSIBLE = mapping.maxPossible;
const A = mapping.A;
const B = mapping.B;
const C = mapping.C;
const MULTIPLIER = mapping._multiplier;
const SMALLEST_NORMAL = 2 ** -1022;
const INVERSE_POWERS = Float64Array.from({ length: 31 }, (_, e) => 2 ** -e);
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
// Which 32-bit half of a double holds the sign and exponent (the second on little-endian machines).
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/**
 * The mapping's key for a value above its minPossible: the number the
 * library's key() gives, which finds the exponent and significand with a log2
 * and a loop. Here they are read from the bits; the arithmetic after that is
 * the library's, in its order, so the keys agree exactly (tests check).
 */
export function sketchKey(value: number): number {
  if (value >= 1 && value < 2147483648) {
    // Most values: the exponent is the top bit of the integer part, and scaling by a power of two is exact.
    const exponent = 31 - Math.clz32(value);
    const significand = value * INVERSE_POWERS[exponent]! - 1;
    return Math.ceil((((A * significand + B) * significand + C) * significand + exponent) * MULTIPLIER) | 0;
  }
  // Subnormals have no implicit leading bit: the library's path takes them (they are rare).
  if (value < SMALLEST_NORMAL) return mapping.key(value);
  scratch[0] = value > MAX_POSSIBLE ? MAX_POSSIBLE : value;
  const high = words[HIGH]!;
  const significand = ((high & 0xfffff) * 4294967296 + words[LOW]!) / 4503599627370496; // / 2^52, exact
  return Math.ceil((((A * significand + B) * significand + C) * significand + ((high >>> 20) - 1023)) * MULTIPLIER) | 0;
}

/** The code of a value (see sketchMapping): its key, placed by sign. */
export function sketchCode(value: number): number {
  if (value > MIN_POSSIBLE) return POSITIVE + sketchKey(value);
  if (value < -MIN_POSSIBLE) return NEGATIVE - sketchKey(-value);
  return ZERO;
}

function createBins(): SketchBins {
  return { offset: 0, counts: EMPTY, minKey: Infinity, maxKey: -Infinity };
}

/** Shared by every empty bins; never written (the first add replaces it). */
const EMPTY = new Float64Array(0);

/** Creates an empty sketch. */
export function createSketch(): QuantileSketch {
  return {
    count: 0, min: Infinity, max: -Infinity,
    buffer: new Int32Array(SIZE), buffered: 0, sorted: true,
    zeroCount: 0, positive: createBins(), negative: createBins(),
  };
}

/** Empties a sketch for reuse, keeping its room. */
export function resetSketch(sketch: QuantileSketch): void {
  sketch.count = 0;
  sketch.min = Infinity;
  sketch.max = -Infinity;
  sketch.buffered = 0;
  sketch.sorted = true;
  sketch.zeroCount = 0;
  resetBins(sketch.positive);
  resetBins(sketch.negative);
}

/** Adds one value (not NaN). */
export function sketchAdd(sketch: QuantileSketch, value: number): void {
  sketch.count++;
  if (value < sketch.min) sketch.min = value;
  if (value > sketch.max) sketch.max = value;
  const n = sketch.buffered;
  sketch.buffer[n] = sketchCode(value);
  sketch.buffered = n + 1;
  sketch.sorted = false;
  if (n + 1 === SIZE) flushBuffer(sketch);
}

/** Adds values[from..to), skipping NaN (missing): one call per run of a cell's values. */
export function sketchAddRun(sketch: QuantileSketch, values: Float64Array, from: number, to: number): void {
  // sketchAdd's work with the sketch's fields held in locals, written back once per run.
  const buffer = sketch.buffer;
  let count = sketch.count;
  let min = sketch.min;
  let max = sketch.max;
  let n = sketch.buffered;
  let unsorted = false;
  for (let i = from; i < to; i++) {
    const x = values[i]!;
    if (x !== x) continue;
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
    buffer[n++] = sketchCode(x);
    unsorted = true;
    if (n === SIZE) {
      sketch.buffered = n;
      flushBuffer(sketch);
      n = 0;
      unsorted = false;
    }
  }
  sketch.count = count;
  sketch.min = min;
  sketch.max = max;
  sketch.buffered = n;
  if (unsorted) sketch.sorted = false;
}

/** Folds `other` into `into`. */
export function sketchMerge(into: QuantileSketch, other: QuantileSketch): void {
  if (other.count === 0) return;
  into.count += other.count;
  into.min = Math.min(into.min, other.min);
  into.max = Math.max(into.max, other.max);
  into.zeroCount += other.zeroCount;
  mergeBins(into.positive, other.positive);
  mergeBins(into.negative, other.negative);
  for (let i = 0; i < other.buffered; i++) {
    into.buffer[into.buffered++] = other.buffer[i]!;
    into.sorted = false;
    if (into.buffered === SIZE) flushBuffer(into);
  }
}
