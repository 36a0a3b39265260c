import type { Batch } from '../batch';
import { assignWatermarks, createWatermarkState } from '../watermark';
import { sliceByCuts } from './cuts';
import type { RefEvent } from './referenceWindows';

/**
 * Cuts events into keyed batches at the given sizes (cycled), with watermarks
 * for out-of-orderness bound `boundMs`, and a final +Infinity watermark batch.
 */
export function eventBatches(events: readonly RefEvent[], boundMs: number, cuts: readonly number[]): Batch[] {
  const state = createWatermarkState(boundMs);
  const batches: Batch[] = [];
  for (const slice of sliceByCuts(events, cuts)) {
    const block = {
      length: slice.length,
      time: Float64Array.from(slice, (e) => e.t),
      columns: {
        k: { type: 'number' as const, values: Float64Array.from(slice, (e) => e.key) },
        v: { type: 'number' as const, values: Float64Array.from(slice, (e) => e.v) },
      },
    };
    const batch = assignWatermarks(state, block);
    batches.push({ ...batch, keys: Int32Array.from(slice, (e) => e.key) });
  }
  batches.push({
    length: 0, time: new Float64Array(0), watermark: new Float64Array(0), endWatermark: Infinity, keys: new Int32Array(0),
    columns: { k: { type: 'number', values: new Float64Array(0) }, v: { type: 'number', values: new Float64Array(0) } },
  });
  return batches;
}
