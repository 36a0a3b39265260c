/**
 * Results waiting for the next drain, per sink. Between two drains a sink
 * keeps only the newest rows its view can show (older batches are dropped as
 * they arrive and counted as `skipped`), so a page that drains rarely (a
 * background tab) costs bounded memory, and a drain is one chunk per sink.
 */
import type { Batch } from '../engine/batch';
import type { Row } from '../engine/operators/sinks';
import type { PlanStep, SinkView } from '../engine/plan/types';
import { chunkFromBatches, chunkFromRows } from './chunks';
import { COLLECT_ROWS, LOG_ROWS, type ResultChunk } from './protocol';

/** The most rows of one sink a drain carries: a chart needs every row, but not more than it can draw in a frame. */
export const MAX_CHUNK_ROWS = 50_000;

/** How many of the newest rows per drain a sink's view keeps. */
export function capOf(view: SinkView | null): number {
  if (view === null) return COLLECT_ROWS;
  if (view.type === 'table') return Math.min(view.maxRows, MAX_CHUNK_ROWS);
  return MAX_CHUNK_ROWS;
}

type Pending =
  | { readonly kind: 'batches'; readonly cap: number; list: Batch[]; rows: number; skipped: number }
  | { readonly kind: 'rows'; readonly cap: number; list: Row[]; skipped: number };

export interface Outputs {
  addBatch(sinkId: string, batch: Batch): void;
  addRows(sinkId: string, rows: readonly Row[]): void;
  /** Everything since the last drain, one chunk per sink that received rows, and the buffers to transfer. */
  drain(): { chunks: ResultChunk[]; transfer: Transferable[] };
}

/** Creates the pending outputs of a plan's collect and log sinks. */
export function createOutputs(steps: readonly PlanStep[]): Outputs {
  let pending = new Map<string, Pending>();
  const caps = new Map<string, number>();
  for (const step of steps) {
    if (step.type === 'collectSink') caps.set(step.nodeId, capOf(step.view));
    else if (step.type === 'logSink') caps.set(step.nodeId, LOG_ROWS);
  }
  return {
    addBatch(sinkId, batch) {
      let p = pending.get(sinkId);
      if (p === undefined) pending.set(sinkId, (p = { kind: 'batches', cap: caps.get(sinkId) ?? COLLECT_ROWS, list: [], rows: 0, skipped: 0 }));
      if (p.kind !== 'batches') return;
      p.list.push(batch);
      p.rows += batch.length;
      // Whole batches that the newest `cap` rows no longer reach are dropped now.
      while (p.list.length > 1 && p.rows - p.list[0]!.length >= p.cap) {
        const dropped = p.list.shift()!;
        p.rows -= dropped.length;
        p.skipped += dropped.length;
      }
    },
    addRows(sinkId, rows) {
      let p = pending.get(sinkId);
      if (p === undefined) pending.set(sinkId, (p = { kind: 'rows', cap: caps.get(sinkId) ?? LOG_ROWS, list: [], skipped: 0 }));
      if (p.kind !== 'rows') return;
      for (const row of rows) p.list.push(row);
      if (p.list.length > p.cap) {
        p.skipped += p.list.length - p.cap;
        p.list = p.list.slice(p.list.length - p.cap);
      }
    },
    drain() {
      const chunks: ResultChunk[] = [];
      const transfer: Transferable[] = [];
      for (const [sinkId, p] of pending) {
        const chunk = p.kind === 'batches' ? chunkFromBatches(sinkId, p.list, p.cap, p.skipped) : chunkFromRows(sinkId, p.list, p.skipped);
        chunks.push(chunk);
        transfer.push(chunk.time.buffer);
        for (const c of chunk.columns) if (c.type !== 'string') transfer.push(c.values.buffer);
      }
      pending = new Map();
      return { chunks, transfer };
    },
  };
}
