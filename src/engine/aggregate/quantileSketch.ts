import { flushBuffer, mergeBins, resetBins } from './sketchBins';
import { sketchCode } from './sketchKey';
import { BUFFER_SIZE } from './sketchMapping';
import { QuantileSketch } from './sketchState';

export { QuantileSketch } from './sketchState';

// Module constants, not imports read per add: an import is an export getter once compiled (see sketchKey).
const SIZE = BUFFER_SIZE;

/** Creates an empty sketch. */
export function createSketch(): QuantileSketch {
  return new QuantileSketch();
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
