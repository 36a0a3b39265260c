import type { Batch, RowBlock } from './batch';

/** Plain-data state of a bounded-out-of-orderness watermark generator. */
export interface WatermarkState {
  /** Largest event time seen so far (-Infinity before the first event). */
  maxTimestamp: number;
  /** The out-of-orderness bound B in ms. */
  readonly boundMs: number;
}

/** Creates the state for a source whose events may arrive up to `boundMs` out of order. */
export function createWatermarkState(boundMs: number): WatermarkState {
  return { maxTimestamp: -Infinity, boundMs };
}

/**
 * Turns a source block into a batch whose rows each carry the watermark left by
 * the events before them. Flink emits watermarks periodically; advancing after
 * every event instead makes results independent of how input is cut into batches.
 * The watermark column is written into `into` when it is given and long
 * enough (a source whose batches nobody keeps reuses one; see batchesEscape).
 */
export function assignWatermarks(state: WatermarkState, block: RowBlock, into: Float64Array | null = null): Batch {
  const n = block.length;
  const watermark = into !== null && into.length >= n ? into.subarray(0, n) : new Float64Array(n);
  const time = block.time;
  const bound = state.boundMs + 1;
  let max = state.maxTimestamp;
  for (let i = 0; i < n; i++) {
    watermark[i] = max - bound;
    const t = time[i]!;
    if (t > max) max = t;
  }
  state.maxTimestamp = max;
  // A literal, not a spread of the block: see withColumnsAndKeys.
  return { length: n, time, columns: block.columns, watermark, endWatermark: max - bound, keys: null, keyBound: undefined };
}
