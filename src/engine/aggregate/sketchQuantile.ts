import type { QuantileSketch } from './quantileSketch';
import { flushBuffer } from './sketchBins';
import { sortCodes } from './sketchSort';
import { mapping, NEGATIVE_BASE, POSITIVE_BASE, ZERO_CODE } from './sketchMapping';

/**
 * The value at quantile q (0..1), within the mapping's relative accuracy (1%)
 * of a value that was added; NaN for an empty sketch. It is the bucket
 * holding the value of 0-based rank floor(q * (count - 1)) in ascending
 * order, however the values are split between buffer and bins.
 *
 * While every value is still buffered, the codes are sorted in place (once:
 * the next quantile finds them sorted) and the rank is read off directly.
 * Otherwise the buffer is flushed and the bins scanned; upper quantiles (p95,
 * p99) from the top, reading a few buckets instead of nearly all. Counts are
 * whole numbers, so both directions find the same bucket.
 */
export function sketchQuantile(sketch: QuantileSketch, q: number): number {
  if (sketch.count === 0) return NaN;
  const rank = Math.floor(q * (sketch.count - 1));
  if (sketch.buffered === sketch.count) {
    if (!sketch.sorted) sortCodes(sketch);
    sketch.sorted = true;
    return clamp(sketch, decode(sketch.buffer[rank]!));
  }
  if (sketch.buffered > 0) flushBuffer(sketch);
  return rank >= sketch.count / 2 ? fromTop(sketch, sketch.count - 1 - rank) : fromBottom(sketch, rank);
}

// Module constants, not imports read per call: an import is an export getter once compiled (see quantileSketch).
const NEGATIVE = NEGATIVE_BASE;
const ZERO = ZERO_CODE;
const POSITIVE = POSITIVE_BASE;

/** The value a code stands for (its bucket's representative). */
function decode(code: number): number {
  if (code > ZERO) return bucketValue(code - POSITIVE);
  if (code < ZERO) return -bucketValue(NEGATIVE - code);
  return 0;
}

/**
 * mapping.value(key), remembered for keys of magnitudes 2^-58 to 2^58 (NaN
 * until first asked): the library inverts its cubic with a cube root and a
 * square root, and three percentiles per key and window asked it often.
 */
const VALUES_FROM = -2048;
const knownValues = new Float64Array(4096).fill(NaN);

function bucketValue(key: number): number {
  const i = key - VALUES_FROM;
  if (i < 0 || i >= knownValues.length) return mapping.value(key);
  const known = knownValues[i]!;
  return known === known ? known : (knownValues[i] = mapping.value(key));
}

/** The bucket holding the value with `rank` values below it. */
function fromBottom(sketch: QuantileSketch, rank: number): number {
  let seen = 0;
  // Only keys that were counted are scanned: every other bin is 0.
  const neg = sketch.negative;
  for (let i = neg.maxKey - neg.offset; i >= neg.minKey - neg.offset; i--) {
    seen += neg.counts[i]!;
    if (seen > rank) return clamp(sketch, -bucketValue(neg.offset + i));
  }
  seen += sketch.zeroCount;
  if (seen > rank) return 0;
  const pos = sketch.positive;
  for (let i = pos.minKey - pos.offset; i <= pos.maxKey - pos.offset; i++) {
    seen += pos.counts[i]!;
    if (seen > rank) return clamp(sketch, bucketValue(pos.offset + i));
  }
  return sketch.max + 0;
}

/** The bucket holding the value with `rank` values above it (fromBottom, mirrored). */
function fromTop(sketch: QuantileSketch, rank: number): number {
  let seen = 0;
  const pos = sketch.positive;
  for (let i = pos.maxKey - pos.offset; i >= pos.minKey - pos.offset; i--) {
    seen += pos.counts[i]!;
    if (seen > rank) return clamp(sketch, bucketValue(pos.offset + i));
  }
  seen += sketch.zeroCount;
  if (seen > rank) return 0;
  const neg = sketch.negative;
  for (let i = neg.minKey - neg.offset; i <= neg.maxKey - neg.offset; i++) {
    seen += neg.counts[i]!;
    if (seen > rank) return clamp(sketch, -bucketValue(neg.offset + i));
  }
  return sketch.min + 0;
}

/** Within the values seen; + 0 turns a -0 bound (the first zero added was -0) into 0, whatever the order of adds. */
function clamp(sketch: QuantileSketch, value: number): number {
  return Math.min(sketch.max, Math.max(sketch.min, value)) + 0;
}
