import type { QuantileSketch, SketchBins } from './sketchState';
import { BUFFER_SIZE, NEGATIVE_BASE, POSITIVE_BASE, ZERO_CODE } from './sketchMapping';

// Module constants, not imports read per code: an import is an export getter once compiled (see quantileSketch).
const NEGATIVE = NEGATIVE_BASE;
const ZERO = ZERO_CODE;
const POSITIVE = POSITIVE_BASE;
const SIZE = BUFFER_SIZE;

/** Room for a first key and as many either side: 1% buckets over two decades span about 230 keys. */
const FIRST_ROOM = 256;

/** Moves a sketch's buffered codes into its bins and zero count. */
export function flushBuffer(sketch: QuantileSketch): void {
  const buffer = sketch.buffer;
  for (let i = 0; i < sketch.buffered; i++) {
    const code = buffer[i]!;
    if (code > ZERO) addToBins(sketch.positive, code - POSITIVE, 1);
    else if (code < ZERO) addToBins(sketch.negative, NEGATIVE - code, 1);
    else sketch.zeroCount++;
  }
  sketch.buffered = 0;
  sketch.sorted = true;
}

/**
 * Adds values already turned into codes (codes[from..to), of values whose
 * smallest and largest are min and max), as a window cell keeps a few codes
 * flat before they need a sketch of their own.
 */
export function sketchAddCodes(sketch: QuantileSketch, codes: Int32Array, from: number, to: number, min: number, max: number): void {
  if (to <= from) return;
  sketch.count += to - from;
  if (min < sketch.min) sketch.min = min;
  if (max > sketch.max) sketch.max = max;
  const buffer = sketch.buffer;
  let n = sketch.buffered;
  for (let i = from; i < to; i++) {
    buffer[n++] = codes[i]!;
    if (n === SIZE) {
      sketch.buffered = n;
      flushBuffer(sketch);
      n = 0;
    }
  }
  sketch.buffered = n;
  sketch.sorted = n === 0;
}

/** Empties bins, keeping their room. */
export function resetBins(bins: SketchBins): void {
  if (bins.minKey <= bins.maxKey) bins.counts.fill(0, bins.minKey - bins.offset, bins.maxKey - bins.offset + 1);
  bins.minKey = Infinity;
  bins.maxKey = -Infinity;
}

/** Re-lays bins so `key` fits, with as much room again on the side that grew. */
function growBins(bins: SketchBins, key: number): void {
  const old = bins.counts;
  if (old.length === 0) {
    bins.counts = new Float64Array(FIRST_ROOM);
    bins.offset = key - FIRST_ROOM / 2;
    return;
  }
  const from = Math.min(key, bins.offset);
  const span = Math.max(key, bins.offset + old.length - 1) - from + 1;
  const start = key < bins.offset ? from - span : from;
  const counts = new Float64Array(2 * span);
  counts.set(old, bins.offset - start);
  bins.counts = counts;
  bins.offset = start;
}

/** Adds `weight` (a whole number) to bucket `key`. */
function addToBins(bins: SketchBins, key: number, weight: number): void {
  let i = key - bins.offset;
  if (i < 0 || i >= bins.counts.length) {
    growBins(bins, key);
    i = key - bins.offset;
  }
  bins.counts[i]! += weight;
  if (key < bins.minKey) bins.minKey = key;
  if (key > bins.maxKey) bins.maxKey = key;
}

/** Folds `other`'s counts into `into`. */
export function mergeBins(into: SketchBins, other: SketchBins): void {
  const counts = other.counts;
  for (let i = other.minKey - other.offset; i <= other.maxKey - other.offset; i++) {
    const c = counts[i]!;
    if (c > 0) addToBins(into, other.offset + i, c);
  }
}
