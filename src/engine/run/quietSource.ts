/**
 * A sample stream that goes quiet for a while (a sensor off the network), to
 * show how a silent input holds back a union's watermark and how an idle
 * timeout releases it. After `afterEvents` events it produces nothing for
 * `forMs` on `clock` (the wall clock in the app), then goes on where it
 * stopped. While quiet it returns batches of no rows that keep its watermark.
 */
import type { Batch } from '../batch';
import type { QuietSpec } from '../plan/types';
import type { DictNames, DictsByName } from '../snapshot/types';
import type { SourceRuntime } from './sources';

/** Plain-data state (for snapshots): its own, and the stream's it wraps. */
interface QuietState {
  readonly delivered: number;
  /** Clock time the quiet began; NaN before it did. */
  readonly quietSince: number;
  readonly watermark: number;
  readonly inner: unknown;
}

function isQuietState(value: unknown): value is QuietState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<QuietState>;
  return typeof s.delivered === 'number' && typeof s.quietSince === 'number' && typeof s.watermark === 'number' && 'inner' in s;
}

export interface QuietSource extends SourceRuntime {
  /** True while it holds its events back. */
  readonly quiet: boolean;
  snapshot(names: DictNames): unknown;
  restore(state: unknown, dicts: DictsByName): void;
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
    ...(inner.outputDicts === undefined ? {} : { outputDicts: inner.outputDicts.bind(inner) }),
    snapshot(names) {
      if (inner.snapshot === undefined) throw new Error(`snapshot: source '${inner.nodeId}' cannot be snapshotted`);
      const state: QuietState = { delivered, quietSince, watermark, inner: inner.snapshot(names) };
      return state;
    },
    restore(state, dicts) {
      if (!isQuietState(state) || inner.restore === undefined) throw new Error('snapshot: this is not the state of a quiet sample stream');
      inner.restore(state.inner, dicts);
      delivered = state.delivered;
      quietSince = state.quietSince;
      watermark = state.watermark;
    },
  };
}
