// The package's root exports only DDSketch; the mapping lives in its (stable, published) dist tree.
import { LogarithmicMapping } from '@datadog/sketches-js/dist/ddsketch/mapping';

/**
 * A DDSketch: @datadog/sketches-js supplies the logarithmic bucket mapping
 * (and its 1% relative-accuracy guarantee); the bins are kept here as plain
 * arrays so the sketch stays plain data that can be snapshotted and merged.
 */
export interface QuantileSketch {
  count: number;
  zeroCount: number;
  /** Bins for positive values: counts[i] holds key offset + i. */
  positive: { offset: number; counts: number[] };
  negative: { offset: number; counts: number[] };
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
    positive: { offset: 0, counts: [] },
    negative: { offset: 0, counts: [] },
    min: Infinity,
    max: -Infinity,
  };
}

function addToBins(bins: { offset: number; counts: number[] }, key: number, weight: number): void {
  const counts = bins.counts;
  if (counts.length === 0) {
    bins.offset = key;
    counts.push(weight);
    return;
  }
  if (key < bins.offset) {
    const grow = bins.offset - key;
    counts.unshift(...new Array<number>(grow).fill(0));
    bins.offset = key;
  }
  const i = key - bins.offset;
  while (counts.length <= i) counts.push(0);
  counts[i]! += weight;
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
  other.positive.counts.forEach((c, i) => { if (c > 0) addToBins(into.positive, other.positive.offset + i, c); });
  other.negative.counts.forEach((c, i) => { if (c > 0) addToBins(into.negative, other.negative.offset + i, c); });
}

/** The value at quantile q (0..1), within 1% relative error; NaN for an empty sketch. */
export function sketchQuantile(sketch: QuantileSketch, q: number): number {
  if (sketch.count === 0) return NaN;
  const rank = q * (sketch.count - 1);
  let seen = 0;
  const neg = sketch.negative;
  for (let i = neg.counts.length - 1; i >= 0; i--) {
    seen += neg.counts[i]!;
    if (seen > rank) return clamp(sketch, -mapping.value(neg.offset + i));
  }
  seen += sketch.zeroCount;
  if (seen > rank) return 0;
  const pos = sketch.positive;
  for (let i = 0; i < pos.counts.length; i++) {
    seen += pos.counts[i]!;
    if (seen > rank) return clamp(sketch, mapping.value(pos.offset + i));
  }
  return sketch.max;
}

function clamp(sketch: QuantileSketch, value: number): number {
  return Math.min(sketch.max, Math.max(sketch.min, value));
}
