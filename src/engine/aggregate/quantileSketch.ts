// The package's root exports only DDSketch; the mapping lives in its (stable, published) dist tree.
import { LogarithmicMapping } from '@datadog/sketches-js/dist/ddsketch/mapping';

/** Counts per bucket key: counts[i] holds key offset + i; entries never written are 0. */
export interface SketchBins {
  offset: number;
  counts: Float64Array;
  /** The smallest and largest key counted (Infinity and -Infinity when none), so a quantile scans no spare room. */
  minKey: number;
  maxKey: number;
}

/**
 * A DDSketch: @datadog/sketches-js supplies the logarithmic bucket mapping
 * (and its 1% relative-accuracy guarantee); the bins are kept here as plain
 * typed arrays so the sketch stays plain data that can be snapshotted and
 * merged. Bins grow geometrically in either direction and keep their room
 * when the sketch is reset, so a sketch reused window after window stops
 * allocating (growing plain arrays one bucket at a time, with unshift for
 * lower keys, was most of the cost of percentiles).
 */
export interface QuantileSketch {
  count: number;
  zeroCount: number;
  positive: SketchBins;
  negative: SketchBins;
  min: number;
  max: number;
}

const RELATIVE_ACCURACY = 0.01;
const mapping = new LogarithmicMapping(RELATIVE_ACCURACY);

/** Creates an empty sketch. */
export function createSketch(): QuantileSketch {
  return {
    count: 0,
    zeroCount: 0,
    positive: { offset: 0, counts: EMPTY, minKey: Infinity, maxKey: -Infinity },
    negative: { offset: 0, counts: EMPTY, minKey: Infinity, maxKey: -Infinity },
    min: Infinity,
    max: -Infinity,
  };
}

/** Shared by every empty sketch; never written (the first add replaces it). */
const EMPTY = new Float64Array(0);

/** Empties a sketch for reuse, keeping its bins' room. */
export function resetSketch(sketch: QuantileSketch): void {
  sketch.count = 0;
  sketch.zeroCount = 0;
  sketch.min = Infinity;
  sketch.max = -Infinity;
  resetBins(sketch.positive);
  resetBins(sketch.negative);
}

function resetBins(bins: SketchBins): void {
  if (bins.minKey <= bins.maxKey) bins.counts.fill(0, bins.minKey - bins.offset, bins.maxKey - bins.offset + 1);
  bins.minKey = Infinity;
  bins.maxKey = -Infinity;
}

/** Re-lays bins so keys lo..hi fit, with as much room again on the side that grew. */
function growBins(bins: SketchBins, lo: number, hi: number): void {
  const old = bins.counts;
  if (old.length === 0) {
    bins.counts = new Float64Array(32);
    bins.offset = lo - 8;
    return;
  }
  const from = Math.min(lo, bins.offset);
  const to = Math.max(hi, bins.offset + old.length - 1);
  const span = to - from + 1;
  const start = lo < bins.offset ? from - span : from;
  const counts = new Float64Array(2 * span);
  counts.set(old, bins.offset - start);
  bins.counts = counts;
  bins.offset = start;
}

function addToBins(bins: SketchBins, key: number, weight: number): void {
  let i = key - bins.offset;
  if (i < 0 || i >= bins.counts.length) {
    growBins(bins, key, key);
    i = key - bins.offset;
  }
  bins.counts[i]! += weight;
  if (key < bins.minKey) bins.minKey = key;
  if (key > bins.maxKey) bins.maxKey = key;
}

/** Adds one value. */
export function sketchAdd(sketch: QuantileSketch, value: number): void {
  sketch.count++;
  if (value < sketch.min) sketch.min = value;
  if (value > sketch.max) sketch.max = value;
  if (value > mapping.minPossible) addToBins(sketch.positive, mapping.key(value), 1);
  else if (value < -mapping.minPossible) addToBins(sketch.negative, mapping.key(-value), 1);
  else sketch.zeroCount++;
}

/** Folds `other` into `into`. */
export function sketchMerge(into: QuantileSketch, other: QuantileSketch): void {
  if (other.count === 0) return;
  into.count += other.count;
  into.zeroCount += other.zeroCount;
  into.min = Math.min(into.min, other.min);
  into.max = Math.max(into.max, other.max);
  mergeBins(into.positive, other.positive);
  mergeBins(into.negative, other.negative);
}

function mergeBins(into: SketchBins, other: SketchBins): void {
  const counts = other.counts;
  for (let i = other.minKey - other.offset; i <= other.maxKey - other.offset; i++) {
    const c = counts[i]!;
    if (c > 0) addToBins(into, other.offset + i, c);
  }
}

/** The value at quantile q (0..1), within 1% relative error; NaN for an empty sketch. */
export function sketchQuantile(sketch: QuantileSketch, q: number): number {
  if (sketch.count === 0) return NaN;
  const rank = q * (sketch.count - 1);
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

function clamp(sketch: QuantileSketch, value: number): number {
  return Math.min(sketch.max, Math.max(sketch.min, value));
}
