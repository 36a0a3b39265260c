/**
 * Test harness for detectors (used by the detector tests only): batches of
 * keyed events with missing values, a run of the detector operator through
 * any batch cuts, as whole batches, selections or reused buffers, with an
 * optional snapshot and restore (through structuredClone) mid-stream, and the
 * brute-force reference every run must equal: each key's values scored one
 * by one in arrival order, missing ones skipped.
 */
import { newColumns, readCell, type Batch } from '../batch';
import { gatherBatch } from '../batchOps';
import { registerEngineStateClasses } from '../snapshot/stateClasses';
import type { OperatorContext } from '../operators/types';
import { sliceByCuts } from '../testing/cuts';
import { createDetectorOperator, HELD_OFF_REASON, NO_VALUE_REASON, warmingUpReason, type DetectorConfig } from './detectorOperator';
import { MAX_NORMAL_BANDS, type DetectorAlgorithm, type DetectorVerdict } from './types';
import { ANOMALY_REASON_FIELD, ANOMALY_SCORE_FIELD, IS_ANOMALY_FIELD } from '../../model/detectorFields';

export interface DetectorEvent {
  readonly t: number;
  readonly key: number;
  /** null: missing (NaN in the column). */
  readonly v: number | null;
}

export interface DetectorOut {
  readonly score: number;
  readonly isAnomaly: boolean;
  readonly reason: string;
  /** The record's own fields, passed on. */
  readonly v: number | null;
  readonly key: number | null;
}

/** Cuts events into batches of the sizes `cuts` (cycled), keyed by `key` when `keyed`. */
export function detectorBatches(events: readonly DetectorEvent[], cuts: readonly number[], keyed: boolean): Batch[] {
  const batches: Batch[] = [];
  for (const slice of sliceByCuts(events, cuts)) {
    const columns = newColumns();
    columns['v'] = { type: 'number', values: Float64Array.from(slice, (e) => e.v ?? NaN) };
    columns['key'] = { type: 'number', values: Float64Array.from(slice, (e) => e.key) };
    const time = Float64Array.from(slice, (e) => e.t);
    batches.push({ length: slice.length, time, columns, watermark: new Float64Array(slice.length).fill(-Infinity), endWatermark: -Infinity, keys: keyed ? Int32Array.from(slice, (e) => e.key) : null });
  }
  return batches;
}

export type PushMode = 'push' | 'reuse' | 'selected' | 'selectedKept';

export interface RunOptions {
  readonly mode: PushMode;
  /** Snapshot after this many batches, then go on in a fresh operator restored from it. */
  readonly snapshotAfter?: number;
}

function rowsOf(batch: Batch): DetectorOut[] {
  const out: DetectorOut[] = [];
  const c = batch.columns;
  for (let i = 0; i < batch.length; i++) {
    out.push({
      score: readCell(c[ANOMALY_SCORE_FIELD]!, i) as number,
      isAnomaly: readCell(c[IS_ANOMALY_FIELD]!, i) as boolean,
      reason: readCell(c[ANOMALY_REASON_FIELD]!, i) as string,
      v: readCell(c['v']!, i) as number | null,
      key: readCell(c['key']!, i) as number | null,
    });
  }
  return out;
}

/** Runs the detector operator over `batches` and reads every output record (in order). */
export function runDetector<S>(config: DetectorConfig<S>, batches: readonly Batch[], options: RunOptions): DetectorOut[] {
  registerEngineStateClasses();
  const out: DetectorOut[] = [];
  const ctx: OperatorContext = {
    nodeId: 'd', trace: null, now: () => 0,
    reuseOutputs: options.mode === 'reuse',
    outputsKept: options.mode === 'selectedKept',
    // Read at once: with reused buffers the next push overwrites them.
    emit: (_port, b) => out.push(...rowsOf(b)),
    emitSelected: (_port, b, rows) => out.push(...rowsOf(gatherBatch(b, rows))),
  };
  let op = createDetectorOperator(config, ctx);
  batches.forEach((batch, b) => {
    if (b === options.snapshotAfter) {
      const image: unknown = structuredClone(op.snapshot!({ nameOf: () => undefined }));
      op = createDetectorOperator(config, ctx);
      op.restore!(image, { dictNamed: () => undefined });
    }
    if (options.mode === 'selected' || options.mode === 'selectedKept') {
      // Every row selected, but placed among rows that must not count: they hold other values.
      const doubled = interleaveJunk(batch);
      op.pushSelected!(doubled.batch, doubled.rows, 0);
    } else op.push(batch, 0);
  });
  return out;
}

/** `batch` with a junk row (value 1e9, key 0) before each of its rows, and the selection of the real ones. */
function interleaveJunk(batch: Batch): { batch: Batch; rows: Int32Array } {
  const n = batch.length;
  const idx = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) idx[2 * i] = idx[2 * i + 1] = i;
  const wide = gatherBatch(batch, idx);
  const v = wide.columns['v']!;
  if (v.type === 'number') for (let i = 0; i < n; i++) v.values[2 * i] = 1e9;
  return { batch: wide, rows: Int32Array.from({ length: n }, (_, i) => 2 * i + 1) };
}

/**
 * What the operator must produce: every key's values scored in arrival order
 * by a state of its own; with a `holdoff`, the key's anomalies within that
 * many values after its last flagged one are reported normal with score 0.
 */
export function referenceDetector<S>(algorithm: DetectorAlgorithm<S>, warmup: number, events: readonly DetectorEvent[], keyed: boolean, holdoff = 0): DetectorOut[] {
  const states = new Map<number, { state: S; seen: number; flaggedAt: number | null }>();
  const verdict: DetectorVerdict = { score: 0, isAnomaly: false };
  return events.map((e) => {
    const pass = { v: e.v, key: e.key };
    if (e.v === null || !Number.isFinite(e.v)) return { score: 0, isAnomaly: false, reason: NO_VALUE_REASON, ...pass };
    const k = keyed ? e.key : 0;
    let entry = states.get(k);
    if (entry === undefined) states.set(k, (entry = { state: algorithm.createState(), seen: 0, flaggedAt: null }));
    algorithm.score(entry.state, e.v, e.t, verdict);
    entry.seen++;
    const score = Math.min(1, Math.max(0, verdict.score));
    if (entry.seen <= warmup) return { score, isAnomaly: false, reason: warmingUpReason(entry.seen, warmup), ...pass };
    if (verdict.isAnomaly) {
      if (entry.flaggedAt !== null && entry.seen - entry.flaggedAt <= holdoff) return { score: 0, isAnomaly: false, reason: HELD_OFF_REASON, ...pass };
      entry.flaggedAt = entry.seen;
      return { score, isAnomaly: true, reason: algorithm.explain(entry.state, e.v, verdict), ...pass };
    }
    return { score, isAnomaly: false, reason: algorithm.normalText(Math.min(algorithm.normalBand(entry.state, e.v, verdict), MAX_NORMAL_BANDS - 1)), ...pass };
  });
}

/** An algorithm fed `values` one by one (time = index), with each verdict and its explanation. */
export function runAlgorithm<State>(algo: DetectorAlgorithm<State>, values: readonly number[]): { verdicts: DetectorVerdict[]; reasons: string[] } {
  const state = algo.createState();
  const verdicts: DetectorVerdict[] = [];
  const reasons: string[] = [];
  const out: DetectorVerdict = { score: 0, isAnomaly: false };
  values.forEach((v, i) => {
    algo.score(state, v, i, out);
    verdicts.push({ score: out.score, isAnomaly: out.isAnomaly });
    reasons.push(algo.explain(state, v, out));
  });
  return { verdicts, reasons };
}
