/**
 * Pacing of sample and file sources by event time: at speed s, a second of
 * wall-clock time lets s seconds of event time through. A paced source is a
 * SourceRuntime wrapper (substituted through RuntimeOptions.sources), so the
 * runtime stays unaware of wall-clock time.
 */
import type { Batch, RowBlock } from '../engine/batch';
import { createBlockSource, createSourceRuntime, type SourceRuntime } from '../engine/run/sources';
import { quietSource } from '../engine/run/quietSource';
import type { PlanStep } from '../engine/plan/types';

/** Shared by every paced source of a run: when `free`, sources ignore their pace (Max speed, Step). */
export interface PaceGate {
  free: boolean;
}

export interface PacedSource extends SourceRuntime {
  /** `eventMs` more milliseconds of event time may pass; `maxWaitEventMs` is the longest gap worth waiting through. */
  advance(eventMs: number, maxWaitEventMs: number): void;
  /** Whether a row is due now. */
  hasDue(): boolean;
}

/** An empty batch that keeps the watermark where it is (that of the last batch), for a source with nothing due yet. */
function idleBatch(lastWatermark: number, inner: SourceRuntime): Batch {
  const template = inner.finalBatch();
  return { ...template, endWatermark: lastWatermark };
}

/** What a paced source holds beside its inner source's state, for time travel's snapshots. */
interface PacedState {
  readonly inner: unknown;
  readonly numbers: readonly number[];
}

/** Snapshot methods of a paced source: the inner source's, plus the pacing's numbers (`get`, `set`). */
function pacedSnapshots(inner: SourceRuntime, get: () => number[], set: (numbers: readonly number[]) => void): Required<Pick<SourceRuntime, 'snapshot' | 'restore' | 'outputDicts'>> {
  return {
    snapshot(names) {
      if (inner.snapshot === undefined) throw new Error(`snapshot: source '${inner.nodeId}' cannot be snapshotted`);
      const state: PacedState = { inner: inner.snapshot(names), numbers: get() };
      return state;
    },
    restore(state, dicts) {
      const s = state as Partial<PacedState> | null;
      if (inner.restore === undefined || s === null || typeof s !== 'object' || !Array.isArray(s.numbers)) throw new Error(`restore: this is not the state of paced source '${inner.nodeId}'`);
      inner.restore(s.inner, dicts);
      set(s.numbers);
    },
    outputDicts: (fields) => inner.outputDicts?.(fields) ?? new Map(),
  };
}

/** A sample source: `rate` events per second of event time; one told to go quiet does so by `clock`. */
function pacedSampleSource(step: Extract<PlanStep, { type: 'sampleSource' }>, gate: PaceGate, clock: () => number): PacedSource {
  const generated = createSourceRuntime(step);
  const inner = step.quiet === undefined ? generated : quietSource(generated, step.quiet, clock);
  const rate = step.params.rate;
  let credit = 0;
  let lastWatermark = -Infinity;
  return {
    nodeId: step.nodeId,
    ...pacedSnapshots(inner, () => [credit, lastWatermark], ([c, w]) => {
      credit = c ?? 0;
      lastWatermark = w ?? -Infinity;
    }),
    advance(eventMs) {
      // A quarter second of events at most: a stalled worker does not burst afterwards.
      credit = Math.min(credit + (rate * eventMs) / 1000, Math.max(1, (rate * eventMs) / 1000, rate / 4));
    },
    hasDue: () => credit >= 1,
    next(maxRows) {
      const n = gate.free ? maxRows : Math.min(maxRows, Math.floor(credit));
      if (n <= 0) return idleBatch(lastWatermark, inner);
      const batch = inner.next(n);
      if (batch === null) return null;
      if (!gate.free) credit -= batch.length;
      lastWatermark = batch.endWatermark;
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
  let lastWatermark = -Infinity;
  const dueCount = (maxRows: number): number => {
    let n = 0;
    while (n < maxRows && cursor + n < block.length && block.time[cursor + n]! <= horizon) n++;
    return n;
  };
  return {
    nodeId,
    ...pacedSnapshots(inner, () => [cursor, horizon, lastWatermark], ([c, h, w]) => {
      cursor = c ?? 0;
      horizon = h ?? 0;
      lastWatermark = w ?? -Infinity;
    }),
    advance(eventMs, maxWaitEventMs) {
      horizon += eventMs;
      // A gap in the data longer than the wait is skipped, so an hourly file at 1x still moves.
      const next = cursor < block.length ? block.time[cursor]! : horizon;
      if (next - horizon > maxWaitEventMs) horizon = next;
    },
    hasDue: () => cursor < block.length && block.time[cursor]! <= horizon,
    next(maxRows) {
      if (cursor >= block.length) return inner.next(maxRows);
      const n = gate.free ? Math.min(maxRows, block.length - cursor) : dueCount(maxRows);
      if (n <= 0) return idleBatch(lastWatermark, inner);
      const batch = inner.next(n);
      if (batch === null) return null;
      cursor += batch.length;
      if (gate.free && batch.length > 0) horizon = Math.max(horizon, batch.time[batch.length - 1]!);
      lastWatermark = batch.endWatermark;
      return batch;
    },
    finalBatch: () => inner.finalBatch(),
  };
}

/** Paced runtimes for every sample and file source of a plan, by node id; `clock` is the wall clock quiet streams keep. */
export function pacedSources(steps: readonly PlanStep[], gate: PaceGate, clock: () => number): Map<string, PacedSource> {
  const paced = new Map<string, PacedSource>();
  for (const step of steps) {
    if (step.type === 'sampleSource') paced.set(step.nodeId, pacedSampleSource(step, gate, clock));
    else if (step.type === 'fileSource' && step.data.kind === 'block') paced.set(step.nodeId, pacedFileSource(step.nodeId, step.data.block, step.boundMs, gate));
    // TODO(issue 15, worker): a streamed file source paced by the run, fed from its stored Blob.
  }
  return paced;
}
