/**
 * A sample stream that goes quiet for a while (a sensor off the network), to
 * show how a silent input holds back a union's watermark and how an idle
 * timeout releases it. After `afterEvents` events it produces nothing for
 * `forMs` on `clock` (the wall clock in the app), then goes on where it
 * stopped. While quiet it returns batches of no rows that keep its watermark.
 */
import type { Batch } from '../batch';
import type { QuietSpec } from '../plan/types';
import type { SourceRuntime } from './sources';

/** Plain-data state (for snapshots). */
export interface QuietState {
  readonly delivered: number;
  /** Clock time the quiet began; NaN before it did. */
  readonly quietSince: number;
  readonly watermark: number;
}

export interface QuietSource extends SourceRuntime {
  /** True while it holds its events back. */
  readonly quiet: boolean;
  snapshot(): QuietState;
  restore(state: QuietState): void;
}

export function quietSource(inner: SourceRuntime, spec: QuietSpec, clock: () => number): QuietSource {
  let delivered = 0;
  let quietSince = Number.NaN;
  let watermark = -Infinity;
  const quietNow = (): boolean => !Number.isNaN(quietSince) && clock() - quietSince < spec.forMs;
  return {
    nodeId: inner.nodeId,
    get quiet() { return quietNow(); },
    next(maxRows: number, recycle?: boolean): Batch | null {
      if (delivered >= spec.afterEvents) {
        if (Number.isNaN(quietSince)) quietSince = clock();
        if (quietNow()) return { ...inner.finalBatch(), endWatermark: watermark };
      }
      // Up to the quiet exactly, whatever the batch size.
      const room = delivered < spec.afterEvents ? spec.afterEvents - delivered : maxRows;
      const batch = inner.next(Math.min(maxRows, room), recycle);
      if (batch === null) return null;
      delivered += batch.length;
      watermark = batch.endWatermark;
      return batch;
    },
    finalBatch: () => inner.finalBatch(),
    snapshot: () => ({ delivered, quietSince, watermark }),
    restore(state) {
      delivered = state.delivered;
      quietSince = state.quietSince;
      watermark = state.watermark;
    },
  };
}
