import type { QuantileSketch } from './quantileSketch';
import { flushBuffer } from './sketchBins';
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
    if (!sketch.sorted) sortCodes(sketch.buffer, sketch.buffered);
    sketch.sorted = true;
    return clamp(sketch, decode(sketch.buffer[rank]!));
  }
  if (sketch.buffered > 0) flushBuffer(sketch);
  return rank >= sketch.count / 2 ? fromTop(sketch, sketch.count - 1 - rank) : fromBottom(sketch, rank);
}

/** The value a code stands for (its bucket's representative). */
function decode(code: number): number {
  if (code > ZERO_CODE) return mapping.value(code - POSITIVE_BASE);
  if (code < ZERO_CODE) return -mapping.value(NEGATIVE_BASE - code);
  return 0;
}

/** Counts per code, for sorting codes that span a narrow range (they mostly do); all 0 between sorts. */
const tally = new Int32Array(4096);

/** Sorts codes[0..n) ascending: by counting when they span under 4096 codes (no comparisons), else natively. */
function sortCodes(codes: Int32Array, n: number): void {
  let lo = codes[0]!;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const c = codes[i]!;
    if (c < lo) lo = c;
    else if (c > hi) hi = c;
  }
  if (hi - lo >= tally.length) {
    codes.subarray(0, n).sort();
    return;
  }
  for (let i = 0; i < n; i++) tally[codes[i]! - lo]!++;
  let out = 0;
  for (let c = 0; c <= hi - lo; c++) {
    for (let k = tally[c]!; k > 0; k--) codes[out++] = lo + c;
    tally[c] = 0;
  }
}

/** The bucket holding the value with `rank` values below it. */
function fromBottom(sketch: QuantileSketch, rank: number): number {
  let seen = 0;
  // Only keys that were counted are scanned: every other bin is 0.
  const neg = sketch.negative;
  for (let i = neg.maxKey - neg.offset; i >= neg.minKey - neg.offset; i--) {
    seen += neg.counts[i]!;
    if (seen > rank) return clamp(sketch, -mapping.value(neg.offset + i));
  }
  seen += sketch.zeroCount;
  if (seen > rank) return 0;
  const pos = sketch.positive;
  for (let i = pos.minKey - pos.offset; i <= pos.maxKey - pos.offset; i++) {
    seen += pos.counts[i]!;
    if (seen > rank) return clamp(sketch, mapping.value(pos.offset + i));
  }
  return sketch.max;
}

/** The bucket holding the value with `rank` values above it (fromBottom, mirrored). */
function fromTop(sketch: QuantileSketch, rank: number): number {
  let seen = 0;
  const pos = sketch.positive;
  for (let i = pos.maxKey - pos.offset; i >= pos.minKey - pos.offset; i--) {
    seen += pos.counts[i]!;
    if (seen > rank) return clamp(sketch, mapping.value(pos.offset + i));
  }
  seen += sketch.zeroCount;
  if (seen > rank) return 0;
  const neg = sketch.negative;
  for (let i = neg.minKey - neg.offset; i <= neg.maxKey - neg.offset; i++) {
    seen += neg.counts[i]!;
    if (seen > rank) return clamp(sketch, -mapping.value(neg.offset + i));
  }
  return sketch.min;
}

function clamp(sketch: QuantileSketch, value: number): number {
  return Math.min(sketch.max, Math.max(sketch.min, value));
}
