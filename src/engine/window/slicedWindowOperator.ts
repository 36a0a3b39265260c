/**
 * The sliced window operator (tumbling, hopping and CUMULATE windows): builds
 * its state (slicedState) and hands each batch to the row loop (rowLoop) and
 * the watermark to the firing (slicedTime). See src/engine/README.md.
 */
import type { Batch } from '../batch';
import { createEmptyBatches, gatherBatch, identityRows } from '../batchOps';
import { captureKeys } from '../aggregate/keyTable';
import { pendingResults, rememberInputDicts, takeResults } from '../aggregate/resultWriter';
import { fieldValues } from '../aggregate/values';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { heldNumber, snapshotMethods } from '../snapshot/operatorState';
import { foldRows } from './rowLoop';
import { createRowScratch } from './rowScratch';
import { RowTracer, traceRows } from './rowTrace';
import { createSlicedWindowState, type SlicedWindowConfig, type SlicedWindowOptions, type SlicedWindowState } from './slicedState';
import { addRowsToCells, ensureKeyCapacity } from './sliceStore';
import { advance } from './slicedTime';

export type { SlicedWindowConfig, SlicedWindowOptions, SlicedWindowState } from './slicedState';

/** Builds the operator for a tumbling, hopping or CUMULATE window followed by an aggregate. */
export function createSlicedWindowOperator(config: SlicedWindowConfig, ctx: OperatorContext, options: SlicedWindowOptions = {}): Operator & { state: SlicedWindowState } {
  const st = createSlicedWindowState(config, options);
  st.writer.reuseOutput = ctx.reuseOutputs === true;
  const scratch = createRowScratch();
  let emittedWatermark = -Infinity;
  const emptyLate = createEmptyBatches();
  const tracer = new RowTracer();

  function process(input: Batch, selection: Int32Array | null): void {
    const batch = config.processingTime ? stampProcessingTime(input, ctx.now()) : input;
    const rows = selection ?? identityRows(batch.length);
    const maxKey = captureKeys(st.keyTable, batch, rows);
    ensureKeyCapacity(st.store, maxKey);
    rememberInputDicts(st.writer, batch);
    const values = fieldValues(config.plan, batch, scratch.values);
    if (scratch.cells.length < rows.length) {
      scratch.cells = new Int32Array(rows.length * 2);
      scratch.rows = new Int32Array(rows.length * 2);
    }
    scratch.flushed = 0;
    scratch.late = [];
    scratch.cachedSlice.fill(NaN); // the key capacity may have changed
    // Decided per batch: a followed node lists revising and dropped rows (see rowTrace).
    const traced = ctx.trace !== null;
    const watermarkBefore = st.watermark;
    if (traced) tracer.reset();
    scratch.tracer = traced ? tracer : null;
    const accepted = foldRows(st, ctx, batch, rows, values, scratch);
    addRowsToCells(st.store, scratch.cells, scratch.rows, values, batch.time, scratch.flushed, accepted);
    if (traced) traceRows(ctx, batch, rows, scratch.late, tracer, watermarkBefore, null, st.keyTable);
    if (batch.endWatermark > st.watermark) advance(st, ctx, batch.endWatermark);
    const moved = st.watermark > emittedWatermark;
    emittedWatermark = st.watermark;
    if (pendingResults(st.writer) > 0 || moved) ctx.emit('out', takeResults(st.writer, st.watermark));
    if (scratch.late.length > 0) ctx.emit('late', gatherBatch(batch, Int32Array.from(scratch.late)));
    else if (moved) ctx.emit('late', emptyLate(batch));
  }

  const snapshots = snapshotMethods({ st }, [st.config, st.shape, config.plan, config.keyFields], {
    emittedWatermark: heldNumber(() => emittedWatermark, (w) => { emittedWatermark = w; }),
  });
  return {
    state: st,
    // The row scratch is set afresh by every batch, so it is not state.
    snapshot: snapshots.snapshot,
    restore: snapshots.restore,
    outputDicts: () => st.writer.outDicts,
    push: (batch: Batch) => process(batch, null),
    pushSelected: (batch: Batch, rows: Int32Array) => process(batch, rows),
    tick(now: number): void {
      if (!config.processingTime || now <= st.watermark) return;
      advance(st, ctx, now);
      if (pendingResults(st.writer) > 0) ctx.emit('out', takeResults(st.writer, st.watermark));
    },
    stats(): StateStats {
      return { keys: st.keyTable.values.length, openWindows: st.store.live.length, lateEvents: st.lateEvents };
    },
  };
}

/** In processing time every row happens now; the rows are judged against the moment just before. */
function stampProcessingTime(batch: Batch, now: number): Batch {
  return {
    // eslint-disable-next-line no-restricted-syntax -- a Batch, not state: V8 clones it with its source's map, once per batch, and the fields below keep their types
    ...batch,
    time: new Float64Array(batch.length).fill(now),
    watermark: new Float64Array(batch.length).fill(now - 1),
    // The end of a finite input still flushes every window.
    endWatermark: batch.endWatermark === Infinity ? Infinity : now,
  };
}
