/**
 * The worker's keyed sinks (../../engine/checkpoint/keyedSinks.ts): every
 * result a collect or log sink hands the host, held by output position up
 * to what its view keeps, so a checkpoint can carry each sink's contents.
 * Batches and rows are held as they came (no copy per result); only a
 * checkpoint turns the held ones into one chunk per sink.
 */
import type { Batch } from '../../engine/batch';
import { gatherBatch } from '../../engine/batchOps';
import { ALERT_ROWS, isAlertSinkStep } from '../../engine/alerts/alertSteps';
import { createKeyedSinks, type KeyedSinks } from '../../engine/checkpoint/keyedSinks';
import type { Row } from '../../engine/operators/sinks';
import type { PlanStep } from '../../engine/plan/types';
import { chunkFromBatches, chunkFromRows } from '../chunks';
import { capOf } from '../outputs';
import { COLLECT_ROWS, LOG_ROWS, type ResultChunk } from '../protocol';
import { concatChunks, sliceChunk } from './chunkConcat';
import type { SinkContents } from './format';

/** What a sink was handed: a batch or rows (with the run position they came at), or a chunk restored from a checkpoint. */
type Piece =
  | { readonly kind: 'batch'; readonly batch: Batch; readonly at: number }
  | { readonly kind: 'rows'; readonly rows: readonly Row[]; readonly at: number }
  | { readonly kind: 'chunk'; readonly chunk: ResultChunk };

export interface SinkLedger {
  addBatch(sinkId: string, batch: Batch, position: number): void;
  addRows(sinkId: string, rows: readonly Row[], position: number): void;
  /** Forgets results emitted after run position `position` (time travel went on from there). */
  dropAfter(position: number): void;
  /** Every sink's output position and held results, as one chunk each. */
  contents(): SinkContents[];
  /** Holds a checkpoint's contents, the sinks produced up to their output positions. */
  restore(sinks: readonly SinkContents[]): void;
}

const sliceRange = (n: number, from: number): Int32Array => Int32Array.from({ length: n }, (_, i) => from + i);

function pieceChunk(sinkId: string, piece: Piece, from: number, to: number): ResultChunk {
  if (piece.kind === 'chunk') return from === 0 && to === piece.chunk.length ? piece.chunk : sliceChunk(piece.chunk, from, to);
  if (piece.kind === 'rows') return chunkFromRows(sinkId, piece.rows.slice(from, to), 0, new Array<number>(to - from).fill(piece.at));
  const part = from === 0 && to === piece.batch.length ? piece.batch : gatherBatch(piece.batch, sliceRange(to - from, from));
  return chunkFromBatches(sinkId, [part], Infinity, 0, [piece.at]);
}

/** Creates the ledger of `steps`' collect and log sinks, capped as their views are. */
export function createSinkLedger(steps: readonly PlanStep[]): SinkLedger {
  const caps = new Map<string, number>();
  for (const step of steps) {
    if (step.type === 'collectSink') caps.set(step.nodeId, capOf(step.view));
    else if (step.type === 'logSink') caps.set(step.nodeId, LOG_ROWS);
    else if (isAlertSinkStep(step)) caps.set(step.nodeId, ALERT_ROWS);
  }
  const cap = (id: string): number => caps.get(id) ?? COLLECT_ROWS;
  let sinks: KeyedSinks<Piece> = createKeyedSinks(cap);
  const atOf = (p: Piece): number => (p.kind === 'chunk' ? -Infinity : p.at);
  return {
    addBatch(sinkId, batch, position) {
      sinks.deliver(sinkId, { kind: 'batch', batch, at: position }, batch.length);
    },
    addRows(sinkId, rows, position) {
      sinks.deliver(sinkId, { kind: 'rows', rows, at: position }, rows.length);
    },
    dropAfter(position) {
      const keep: [string, number][] = [];
      for (const id of sinks.sinks()) {
        const later = sinks.contents(id).find((s) => atOf(s.item) > position);
        keep.push([id, later?.start ?? sinks.positions().find(([s]) => s === id)![1]]);
      }
      sinks.truncate(keep);
    },
    contents() {
      const out: SinkContents[] = [];
      for (const [sinkId, produced] of sinks.positions()) {
        const chunks = sinks.contents(sinkId).map((s) => pieceChunk(sinkId, s.item, s.from, s.to));
        out.push({ sinkId, produced, rows: concatChunks(sinkId, chunks, cap(sinkId)) });
      }
      return out;
    },
    restore(contents) {
      sinks = createKeyedSinks(cap);
      sinks.rewind(contents.map((c) => [c.sinkId, c.produced - c.rows.length]));
      for (const c of contents) sinks.deliver(c.sinkId, { kind: 'chunk', chunk: c.rows }, c.rows.length);
    },
  };
}
