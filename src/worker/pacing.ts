/**
 * Pacing of sample and file sources by event time: at speed s, a second of
 * wall-clock time lets s seconds of event time through. A paced source is a
 * SourceRuntime wrapper (substituted through RuntimeOptions.sources), so the
 * runtime stays unaware of wall-clock time.
 */
import type { Batch, RowBlock } from '../engine/batch';
import { createBlockSource, createSourceRuntime, type SourceRuntime } from '../engine/run/sources';
import type { PlanStep } from '../engine/plan/types';

/** Shared by every paced source of a run: when `free`, sources ignore their pace (Max speed, Step). */
export interface PaceGate {
  free: boolean;
  /** A breakpoint hit in this step: the sources not yet read hand out nothing, so the run stops right after the hit. */
  held?: boolean;
}

export interface PacedSource extends SourceRuntime {
  /** `eventMs` more milliseconds of event time may pass; `maxWaitEventMs` is the longest gap worth waiting through. */
  advance(eventMs: number, maxWaitEventMs: number): void;
  /** Whether a row is due now. */
  hasDue(): boolean;
}

/** An empty batch that keeps the watermark where it is, for a source with nothing due yet. */
function idleBatch(last: Batch | null, inner: SourceRuntime): Batch {
  const template = inner.finalBatch();
  return { ...template, endWatermark: last === null ? -Infinity : last.endWatermark };
}

/** A sample source: `rate` events per second of event time. */
function pacedSampleSource(step: Extract<PlanStep, { type: 'sampleSource' }>, gate: PaceGate): PacedSource {
  const inner = createSourceRuntime(step);
  const rate = step.params.rate;
  let credit = 0;
  let last: Batch | null = null;
  return {
    nodeId: step.nodeId,
    advance(eventMs) {
      // A quarter second of events at most: a stalled worker does not burst afterwards.
      credit = Math.min(credit + (rate * eventMs) / 1000, Math.max(1, (rate * eventMs) / 1000, rate / 4));
    },
    hasDue: () => credit >= 1,
    next(maxRows) {
      if (gate.held === true) return idleBatch(last, inner);
      const n = gate.free ? maxRows : Math.min(maxRows, Math.floor(credit));
      if (n <= 0) return idleBatch(last, inner);
      const batch = inner.next(n);
      if (batch === null) return null;
      if (!gate.free) credit -= batch.length;
      last = batch;
      return batch;
    },
    finalBatch: () => inner.finalBatch(),
  };
}

/** A file source: rows pass once the event-time horizon reaches them (rows earlier than the horizon pass at once). */
export function pacedFileSource(nodeId: string, block: RowBlock, boundMs: number, gate: PaceGate): PacedSource {
  const inner = createBlockSource(nodeId, block, boundMs);
  let cursor = 0;
  let horizon = block.length > 0 ? block.time[0]! : 0;
  let last: Batch | null = null;
  const dueCount = (maxRows: number): number => {
    let n = 0;
    while (n < maxRows && cursor + n < block.length && block.time[cursor + n]! <= horizon) n++;
    return n;
  };
  return {
    nodeId,
    advance(eventMs, maxWaitEventMs) {
      horizon += eventMs;
      // A gap in the data longer than the wait is skipped, so an hourly file at 1x still moves.
      const next = cursor < block.length ? block.time[cursor]! : horizon;
      if (next - horizon > maxWaitEventMs) horizon = next;
    },
    hasDue: () => cursor < block.length && block.time[cursor]! <= horizon,
    next(maxRows) {
      if (gate.held === true && cursor < block.length) return idleBatch(last, inner);
      if (cursor >= block.length) return inner.next(maxRows);
      const n = gate.free ? Math.min(maxRows, block.length - cursor) : dueCount(maxRows);
      if (n <= 0) return idleBatch(last, inner);
      const batch = inner.next(n);
      if (batch === null) return null;
      cursor += batch.length;
      if (gate.free && batch.length > 0) horizon = Math.max(horizon, batch.time[batch.length - 1]!);
      last = batch;
      return batch;
    },
    finalBatch: () => inner.finalBatch(),
  };
}

/** Paced runtimes for every sample and file source of a plan, by node id. */
export function pacedSources(steps: readonly PlanStep[], gate: PaceGate): Map<string, PacedSource> {
  const paced = new Map<string, PacedSource>();
  for (const step of steps) {
    if (step.type === 'sampleSource') paced.set(step.nodeId, pacedSampleSource(step, gate));
    else if (step.type === 'fileSource') paced.set(step.nodeId, pacedFileSource(step.nodeId, step.block, step.boundMs, gate));
  }
  return paced;
}
