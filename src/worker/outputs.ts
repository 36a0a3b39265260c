/**
 * Results waiting for the next drain, per sink. Between two drains a sink
 * keeps only the newest rows its view can show (older batches are dropped as
 * they arrive and counted as `skipped`), so a page that drains rarely (a
 * background tab) costs bounded memory, and a drain is one chunk per sink.
 * Each batch (or row) carries the run position it was emitted at, for time
 * travel: the page shows the results of a position, and a run that goes on
 * from the past drops those of the old future (`dropAfter`).
 */
import type { Batch } from '../engine/batch';
import type { Row } from '../engine/operators/sinks';
import type { PlanStep, SinkView } from '../engine/plan/types';
import { ALERT_ROWS, isAlertSinkStep } from '../engine/alerts/alertSteps';
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
  | { readonly kind: 'batches'; readonly cap: number; list: Batch[]; at: number[]; rows: number; skipped: number }
  | { readonly kind: 'rows'; readonly cap: number; list: Row[]; at: number[]; skipped: number };

export interface Outputs {
  addBatch(sinkId: string, batch: Batch, position?: number): void;
  addRows(sinkId: string, rows: readonly Row[], position?: number): void;
  /** A chunk made already (a checkpoint's contents of a sink), handed out before the sink's rows of the next drain. */
  addChunk(chunk: ResultChunk): void;
  /** Forgets the rows emitted after `position` not drained yet. */
  dropAfter(position: number): void;
  /** Everything since the last drain, one chunk per sink that received rows, and the buffers to transfer. */
  drain(): { chunks: ResultChunk[]; transfer: Transferable[] };
}

/** Creates the pending outputs of a plan's collect and log sinks. */
export function createOutputs(steps: readonly PlanStep[]): Outputs {
  let pending = new Map<string, Pending>();
  let ready: ResultChunk[] = [];
  const caps = new Map<string, number>();
  for (const step of steps) {
    if (step.type === 'collectSink') caps.set(step.nodeId, capOf(step.view));
    else if (step.type === 'logSink') caps.set(step.nodeId, LOG_ROWS);
    else if (isAlertSinkStep(step)) caps.set(step.nodeId, ALERT_ROWS);
  }
  return {
    addBatch(sinkId, batch, position = 0) {
      let p = pending.get(sinkId);
      if (p === undefined) pending.set(sinkId, (p = { kind: 'batches', cap: caps.get(sinkId) ?? COLLECT_ROWS, list: [], at: [], rows: 0, skipped: 0 }));
      if (p.kind !== 'batches') return;
      p.list.push(batch);
      p.at.push(position);
      p.rows += batch.length;
      // Whole batches that the newest `cap` rows no longer reach are dropped now.
      while (p.list.length > 1 && p.rows - p.list[0]!.length >= p.cap) {
        const dropped = p.list.shift()!;
        p.at.shift();
        p.rows -= dropped.length;
        p.skipped += dropped.length;
      }
    },
    addRows(sinkId, rows, position = 0) {
      let p = pending.get(sinkId);
      if (p === undefined) pending.set(sinkId, (p = { kind: 'rows', cap: caps.get(sinkId) ?? LOG_ROWS, list: [], at: [], skipped: 0 }));
      if (p.kind !== 'rows') return;
      for (const row of rows) {
        p.list.push(row);
        p.at.push(position);
      }
      if (p.list.length > p.cap) {
        p.skipped += p.list.length - p.cap;
        p.list = p.list.slice(p.list.length - p.cap);
        p.at = p.at.slice(p.at.length - p.cap);
      }
    },
    addChunk(chunk) {
      ready.push(chunk);
    },
    dropAfter(position) {
      for (const p of pending.values()) {
        // Positions only grow within a run, so the rows to drop are a tail.
        let keep = p.at.length;
        while (keep > 0 && p.at[keep - 1]! > position) keep--;
        if (p.kind === 'batches') for (let i = keep; i < p.list.length; i++) p.rows -= p.list[i]!.length;
        p.list.length = keep;
        p.at.length = keep;
      }
    },
    drain() {
      const chunks: ResultChunk[] = ready;
      const transfer: Transferable[] = [];
      ready = [];
      for (const chunk of chunks) {
        transfer.push(chunk.time.buffer);
        if (chunk.positions !== undefined) transfer.push(chunk.positions.buffer);
        for (const c of chunk.columns) if (c.type !== 'string') transfer.push(c.values.buffer);
      }
      for (const [sinkId, p] of pending) {
        const chunk = p.kind === 'batches' ? chunkFromBatches(sinkId, p.list, p.cap, p.skipped, p.at) : chunkFromRows(sinkId, p.list, p.skipped, p.at);
        chunks.push(chunk);
        transfer.push(chunk.time.buffer);
        if (chunk.positions !== undefined) transfer.push(chunk.positions.buffer);
        for (const c of chunk.columns) if (c.type !== 'string') transfer.push(c.values.buffer);
      }
      pending = new Map();
      return { chunks, transfer };
    },
  };
}
