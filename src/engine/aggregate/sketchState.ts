import { BUFFER_SIZE } from './sketchMapping';

/*
 * A quantile sketch's state, apart from the functions that add to it
 * (quantileSketch) and move codes into its bins (sketchBins), so both import
 * it and neither imports the other.
 */

/** Shared by every empty bins; never written (the first add replaces it). */
const EMPTY = new Float64Array(0);

/**
 * Counts per bucket key of one sign, as a plain typed array: counts[i] holds
 * key offset + i; entries never written are 0. Bins grow geometrically in
 * either direction and keep their room when emptied, so a sketch reused
 * window after window stops allocating. A class, not an object literal: see
 * FastRun (window/fastFold) for why.
 */
export class SketchBins {
  // eslint-disable-next-line no-restricted-syntax -- a bucket key offset, a small integer, not a time
  offset = 0;
  counts: Float64Array = EMPTY;
  /** The smallest and largest key counted (Infinity and -Infinity when none), so a quantile scans no spare room. */
  minKey = Infinity;
  maxKey = -Infinity;
}

/**
 * A DDSketch: @datadog/sketches-js supplies the bucket mapping and its
 * relative-accuracy guarantee (see sketchMapping); values wait as codes in
 * `buffer` until it fills, then move to the bins (see sketchBins). All plain
 * data (numbers and typed arrays) that can be copied and merged. A class, not
 * an object literal, as SketchBins.
 */
export class QuantileSketch {
  /** Values added, buffered or not. */
  count = 0;
  min = Infinity;
  max = -Infinity;
  /** Codes of values not yet in the bins: `buffered` of them, ascending when `sorted`. */
  buffer: Int32Array = new Int32Array(BUFFER_SIZE);
  buffered = 0;
  sorted = true;
  /** Values in the bins near enough to zero to count as zero. */
  zeroCount = 0;
  readonly positive = new SketchBins();
  readonly negative = new SketchBins();
}
