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
import { NodeError } from '../engine/run/nodeError';
import { createStreamedFileSource } from '../engine/sources/file/stream/source';
import type { FileProgress, StreamedFileSource } from '../engine/sources/file/stream/types';

/** Shared by every paced source of a run: when `free`, sources ignore their pace (Max speed, Step). */
export interface PaceGate {
  free: boolean;
}

export interface PacedSource extends SourceRuntime {
  /** `eventMs` more milliseconds of event time may pass; `maxWaitEventMs` is the longest gap worth waiting through. */
  advance(eventMs: number, maxWaitEventMs: number): void;
  /** Whether a row is due now. */
  hasDue(): boolean;
  /** A source that reads its input as the run goes (a stored file): the host waits for it between steps. */
  readonly reader?: SourceReader;
}

/**
 * The reading side of a streamed source. A step of `rows` may run only when
 * `ready(rows)`: then what the step takes depends on the run alone, never
 * on how far reading had got, so time travel's replay takes the same rows.
 */
export interface SourceReader {
  /** True when `rows` rows wait, the file is read to its end, or reading failed (the step then reports it). */
  ready(rows: number): boolean;
  /** Resolves once `ready(rows)`; reads on in the background (never rejects: a failure is reported by the next step). */
  fill(rows: number): Promise<void>;
  readonly progress: FileProgress;
  /** Rows the run has taken from the source (the read-ahead aside). */
  readonly rowsTaken: number;
  /** Stops reading (the run is stopped, reloaded, or travelled away from this instance). */
  close(): void;
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
    next(maxRows, recycle) {
      const n = gate.free ? maxRows : Math.min(maxRows, Math.floor(credit));
      if (n <= 0) return idleBatch(lastWatermark, inner);
      const batch = inner.next(n, recycle);
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
    next(maxRows, recycle) {
      if (cursor >= block.length) return inner.next(maxRows, recycle);
      const n = gate.free ? Math.min(maxRows, block.length - cursor) : dueCount(maxRows);
      if (n <= 0) return idleBatch(lastWatermark, inner);
      const batch = inner.next(n, recycle);
      if (batch === null) return null;
      cursor += batch.length;
      if (gate.free && batch.length > 0) horizon = Math.max(horizon, batch.time[batch.length - 1]!);
      lastWatermark = batch.endWatermark;
      return batch;
    },
    finalBatch: () => inner.finalBatch(),
  };
}

/**
 * Rows a streamed source keeps read ahead (a few run batches): the
 * background filler tops it up to this and then stops reading, so memory
 * stays bounded whatever the file's size.
 */
export const HIGH_WATER_ROWS = 4 * 4096;

/**
 * A streamed file source (a stored file read by Blob.stream()): rows pass
 * as the event-time horizon reaches them, at Max speed as fast as the
 * reader fills. It knows only the next row's time (peekTime), so a paced
 * step takes half the rows the file's density says are due, at least one:
 * a few steps of a slice close on the horizon without overshooting it by
 * much. Every decision depends on the taken rows and the journaled pace
 * alone (the host steps only when `reader.ready`), so replays take the same.
 */
export function pacedStreamedSource(inner: StreamedFileSource, gate: PaceGate, highWater = HIGH_WATER_ROWS): PacedSource {
  const nodeId = inner.nodeId;
  let horizon = -Infinity;
  let maxWait = 0;
  let lastWatermark = -Infinity;
  // The density of the rows taken so far: rows per millisecond of event time.
  let taken = 0;
  let firstTime = NaN;
  let lastTime = NaN;
  let inflight: Promise<void> | null = null;
  let failure: NodeError | null = null;
  let closed = false;
  /** A fill that ended with fewer rows than it asked for met the end of the file (until a restore reads again). */
  let readAll = false;

  const ready = (rows: number): boolean => failure !== null || closed || readAll || inner.buffered >= rows || inner.progress.done;
  function fill(rows: number): Promise<void> {
    if (ready(rows)) return Promise.resolve();
    if (inflight !== null) return inflight.then(() => fill(rows));
    const asked = Math.max(rows, highWater);
    inflight = inner.fill(asked).then(
      () => {
        if (inner.buffered < asked) readAll = true;
      },
      (error: unknown) => {
        failure = new NodeError(nodeId, error);
      },
    ).finally(() => {
      inflight = null;
    });
    return inflight.then(() => fill(rows));
  }
  /** Keeps reading ahead while below half the high-water mark (backpressure: a full buffer reads nothing). */
  const topUp = (): void => {
    if (inflight === null && !closed && failure === null && !readAll && !inner.progress.done && inner.buffered < highWater / 2) void fill(highWater);
  };
  // A gap in the data longer than the wait is skipped, so an hourly file at 1x still moves (applied when rows are taken: peeking is exact then).
  const horizonAt = (next: number): number => (next - horizon > maxWait ? next : horizon);
  const dueEstimate = (next: number, maxRows: number): number => {
    const span = lastTime - firstTime;
    const density = taken > 0 ? taken / (span + 1) : 0;
    const due = Math.floor((density * (horizon - next + 1)) / 2);
    return Math.max(1, Math.min(maxRows, due));
  };
  const took = (batch: Batch): void => {
    if (batch.length === 0) return;
    if (taken === 0) firstTime = batch.time[0]!;
    taken += batch.length;
    lastTime = batch.time[batch.length - 1]!;
    lastWatermark = batch.endWatermark;
  };

  const snapshots = pacedSnapshots(inner, () => [horizon, maxWait, lastWatermark, taken, firstTime, lastTime], ([h, w, l, t, f, e]) => {
    horizon = h ?? -Infinity;
      maxWait = w ?? 0;
      lastWatermark = l ?? -Infinity;
      taken = t ?? 0;
      firstTime = f ?? NaN;
    lastTime = e ?? NaN;
  });
  return {
    nodeId,
    ...snapshots,
    restore(state, dicts) {
      snapshots.restore(state, dicts);
      // The inner source reads again from its restored point.
      readAll = false;
    },
    advance(eventMs, maxWaitEventMs) {
      horizon += eventMs;
      maxWait = maxWaitEventMs;
    },
    hasDue() {
      const next = inner.peekTime();
      return next !== null && next <= horizonAt(next);
    },
    next(maxRows, recycle) {
      if (failure !== null) throw failure;
      const next = inner.peekTime();
      if (next === null) {
        // Nothing read ahead: the end of the file, or reading is behind (the host waits for `ready`; this is a safeguard).
        if (!inner.progress.done) {
          topUp();
          return idleBatch(lastWatermark, inner);
        }
        return inner.next(maxRows, recycle);
      }
      horizon = horizonAt(next);
      let n: number;
      if (gate.free) n = maxRows;
      else if (next > horizon) n = 0;
      else n = dueEstimate(next, maxRows);
      if (n <= 0) return idleBatch(lastWatermark, inner);
      const batch = inner.next(n, recycle);
      topUp();
      if (batch === null) return null;
      took(batch);
      if (gate.free && batch.length > 0) horizon = Math.max(horizon, batch.time[batch.length - 1]!);
      return batch;
    },
    finalBatch: () => inner.finalBatch(),
    takeDiagnostics: () => inner.takeDiagnostics?.() ?? [],
    reader: {
      ready,
      fill,
      get progress() { return inner.progress; },
      get rowsTaken() { return taken; },
      close() {
        closed = true;
        inner.close();
      },
    },
  };
}

/** Paced runtimes for every sample and file source of a plan, by node id; `clock` is the wall clock quiet streams keep. */
export function pacedSources(steps: readonly PlanStep[], gate: PaceGate, clock: () => number): Map<string, PacedSource> {
  const paced = new Map<string, PacedSource>();
  for (const step of steps) {
    if (step.type === 'sampleSource') paced.set(step.nodeId, pacedSampleSource(step, gate, clock));
    else if (step.type === 'fileSource' && step.data.kind === 'block') paced.set(step.nodeId, pacedFileSource(step.nodeId, step.data.block, step.boundMs, gate));
    else if (step.type === 'fileSource' && step.data.kind === 'stream') paced.set(step.nodeId, pacedStreamedSource(createStreamedFileSource(step.nodeId, step.data, step.boundMs), gate));
  }
  return paced;
}
