/**
 * transform.clean as an operator: records in, cleaned records out (see
 * cleanMissing.ts and cleanResample.ts for what happens to each). Records it
 * holds back hold its output watermark below their event time, so nothing
 * it sends on late is late downstream because of the wait.
 */
import type { Batch } from '../batch';
import { snapshotMethods } from '../snapshot/operatorState';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { cleanRecord, releaseWaiting, type CleanRun } from './cleanMissing';
import { closeIntervals, resampleRecord } from './cleanResample';
import { createCleanState, type CleanConfig, type CleanState } from './cleanState';
import { cellsOf, layoutOf, RowWriter, type RowLayout } from './rowStore';

export function createCleanOperator(config: CleanConfig, ctx: OperatorContext): Operator & { readonly state: CleanState } {
  const state = createCleanState();
  const writer = new RowWriter();
  const snapshots = snapshotMethods({ state }, [config]);
  let run: CleanRun | null = null;

  /** The run for the state's layout (made again after a restore brought another layout object). */
  function runFor(layout: RowLayout): CleanRun {
    if (run !== null && run.state.layout === layout) return run;
    const fieldCols = config.fields.map((f) => layout.names.indexOf(f));
    const timeCols = layout.types.flatMap((t, c) => (t === 'time' ? [c] : []));
    run = { config, state, writer, fieldCols, timeCols };
    return run;
  }

  function advance(r: CleanRun, w: number): void {
    if (w >= state.nextScan) {
      if (config.resampleMs !== null) closeIntervals(r, w);
      else releaseWaiting(r, w);
    }
    // A resampled record goes out at its interval's start: an on-time record (time > w) may fall in w's own interval.
    const bound = config.resampleMs === null ? w : Math.floor(w / config.resampleMs) * config.resampleMs - 1;
    state.outWatermark = Math.max(state.outWatermark, Math.min(bound, state.hold));
  }

  return {
    state,
    snapshot: snapshots.snapshot,
    restore: snapshots.restore,
    push(batch: Batch): void {
      if (state.layout === null) {
        if (batch.length === 0) {
          state.outWatermark = Math.max(state.outWatermark, batch.endWatermark);
          ctx.emit('out', { ...batch, endWatermark: state.outWatermark });
          return;
        }
        state.layout = layoutOf(batch);
      }
      const r = runFor(state.layout);
      const keys = batch.keys;
      for (let i = 0; i < batch.length; i++) {
        advance(r, batch.watermark[i]!);
        const key = keys === null ? 0 : keys[i]!;
        const cells = cellsOf(state.layout, batch, i);
        if (config.resampleMs !== null) resampleRecord(r, key, batch.time[i]!, batch.watermark[i]!, cells);
        else cleanRecord(r, key, batch.time[i]!, cells);
      }
      advance(r, batch.endWatermark);
      ctx.emit('out', writer.take(state.layout, state.outWatermark, keys !== null, batch.keyBound));
    },
    stats(): StateStats {
      let held = 0;
      for (const key of state.busyKeys) {
        const s = state.perKey[key]!;
        held += s.pending.length + s.open.size;
      }
      return { keys: state.perKey.filter((s) => s !== undefined).length, openWindows: held, lateEvents: state.late };
    },
  };
}
