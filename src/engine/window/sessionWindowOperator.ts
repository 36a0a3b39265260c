import type { Batch, Field } from '../batch';
import { createEmptyBatches, gatherBatch, identityRows } from '../batchOps';
import { captureKeys, createKeyTable, type KeyTable } from '../aggregate/keyTable';
import type { AggregatePlan } from '../aggregate/plan';
import { createScalarAcc, scalarResult, type ScalarAcc } from '../aggregate/scalarAcc';
import {
  createResultWriter, END as END_AT, pendingResults, rememberInputDicts, START as START_AT, takeResults, TIME as TIME_AT, WATERMARK as WATERMARK_AT,
  writeFramedResult, type ResultWriter,
} from '../aggregate/resultWriter';
import { fieldValues } from '../aggregate/values';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { heldNumber, snapshotMethods } from '../snapshot/operatorState';
import {
  addRowToSession, closeSession, createSessionStore, END, ensureSessionKeys, FIRINGS, KEY, loadSession, mergeSessions,
  openSession, START, warmSessions, type SessionStore,
} from './sessionStore';
import { checkWindowTime } from '../time';
import { RowTracer, traceRows } from './rowTrace';
import { clearTimer, createTimerQueue, hasTimerDue, popTimer, setTimer, type TimerQueue } from './timerQueue';

export interface SessionWindowConfig {
  readonly gap: number;
  readonly lateness: number;
  readonly processingTime: boolean;
  readonly plan: AggregatePlan;
  readonly keyFields: readonly Field[];
}

/** The config as the operator keeps it: a copy in a class instance, not the caller's object literal (see FastRun in fastFold). */
class SessionWindowSpec implements SessionWindowConfig {
  readonly gap: number;
  readonly lateness: number;
  readonly processingTime: boolean;
  readonly plan: AggregatePlan;
  readonly keyFields: readonly Field[];
  constructor(config: SessionWindowConfig) {
    this.gap = config.gap;
    this.lateness = config.lateness;
    this.processingTime = config.processingTime;
    this.plan = config.plan;
    this.keyFields = config.keyFields;
  }
}

/** Rows whose sessions warmSessions (see sessionStore) brings into the cache at a time. */
const WARM_AHEAD = 32;

/** Plain-data state of the session operator (a class with fields only, for V8: see FastRun in fastFold). */
export class SessionWindowState {
  readonly config: SessionWindowConfig;
  readonly keyTable: KeyTable;
  readonly writer: ResultWriter;
  /** Open sessions per key, ascending by start (see SessionStore). */
  readonly store: SessionStore;
  /**
   * Timers per session slot. A session that has not fired since its end last
   * moved has a FIRE timer at end - 1; one that has fired, with lateness, an
   * EXPIRE timer at end - 1 + lateness.
   */
  readonly fireTimers: TimerQueue = createTimerQueue();
  readonly expireTimers: TimerQueue = createTimerQueue();
  /** Scratch for turning a session into result values. */
  readonly acc: ScalarAcc;
  readonly values: Float64Array;
  watermark = -Infinity;
  openSessions = 0;
  lateEvents = 0;
  /** Not state: while a batch of a traced node is handled, where addEvent lists the rows that made a session fire at once (see rowTrace); null between batches. */
  tracer: RowTracer | null = null;

  constructor(config: SessionWindowConfig) {
    this.config = new SessionWindowSpec(config);
    this.keyTable = createKeyTable(config.keyFields);
    this.writer = createResultWriter(config.plan, this.keyTable, true);
    this.store = createSessionStore(config.plan);
    this.acc = createScalarAcc(config.plan);
    this.values = new Float64Array(config.plan.outputs.length);
  }
}

/** Writes the session's result row; the writer's frame holds the watermark already (see writeFramedResult). */
function emit(st: SessionWindowState, ctx: OperatorContext, slot: number): void {
  const { store, acc, values } = st;
  const outputs = st.config.plan.outputs;
  loadSession(store, slot, acc);
  for (let o = 0; o < outputs.length; o++) values[o] = scalarResult(acc, outputs[o]!);
  const b = slot * store.width;
  const r = store.records;
  const start = r[b + START]!;
  const end = r[b + END]!;
  const key = r[b + KEY]!;
  const firings = r[b + FIRINGS]!;
  // Times go through the frame, not as arguments: V8 boxes doubles passed to a call it does not inline.
  const frame = st.writer.frame;
  frame[START_AT] = start;
  frame[END_AT] = end;
  frame[TIME_AT] = end - 1;
  writeFramedResult(st.writer, key, values, firings);
  if (ctx.trace !== null) {
    const row = st.tracer?.row ?? -1;
    ctx.trace({ type: firings === 0 ? 'fired' : 'revised', nodeId: ctx.nodeId, windowStart: start, windowEnd: end, watermark: st.watermark, keys: key, row, caused: st.tracer?.caused ?? false });
  }
  r[b + FIRINGS] = firings + 1;
  if (st.config.lateness > 0) setTimer(st.expireTimers, slot, end - 1 + st.config.lateness);
}

/** Frees a session's slot, with its timers: the slot will hold another session. */
function close(st: SessionWindowState, slot: number): void {
  clearTimer(st.fireTimers, slot);
  clearTimer(st.expireTimers, slot);
  closeSession(st.store, st.store.records[slot * st.store.width + KEY]!, slot);
  st.openSessions--;
}

function drop(st: SessionWindowState, ctx: OperatorContext, slot: number): void {
  const b = slot * st.store.width;
  const start = st.store.records[b + START]!;
  const end = st.store.records[b + END]!;
  const key = st.store.records[b + KEY]!;
  close(st, slot);
  ctx.trace?.({ type: 'closed', nodeId: ctx.nodeId, windowStart: start, windowEnd: end, watermark: st.watermark, keys: key });
}

/** Moves the watermark: fires sessions whose end has passed, drops those beyond allowed lateness. */
function advance(st: SessionWindowState, ctx: OperatorContext, w: number): void {
  // Sessions fire with the watermark from before this advance.
  st.writer.frame[WATERMARK_AT] = st.watermark;
  st.watermark = w;
  const { store, fireTimers, expireTimers } = st;
  // addEvent moves a session's FIRE timer whenever its end moves, so every timer that pops is due.
  while (hasTimerDue(fireTimers, w)) {
    popTimer(fireTimers);
    const slot = fireTimers.poppedSlot;
    emit(st, ctx, slot);
    if (st.config.lateness === 0) drop(st, ctx, slot);
  }
  while (hasTimerDue(expireTimers, w)) {
    popTimer(expireTimers);
    const slot = expireTimers.poppedSlot;
    // Extended since it fired: it fires again at its new end, which sets a new EXPIRE timer.
    if (store.records[slot * store.width + END]! - 1 + st.config.lateness > w) continue;
    drop(st, ctx, slot);
  }
}

/** Adds one event to its key's sessions, merging every session it overlaps or touches. Returns false when late. */
function addEvent(st: SessionWindowState, ctx: OperatorContext, key: number, t: number, values: readonly Float64Array[], row: number): boolean {
  const { gap, lateness, processingTime } = st.config;
  const store = st.store;
  const width = store.width;
  let start = t;
  let end = t + gap;
  // A key's sessions are disjoint and sorted, so those the event overlaps or touches are a run of the list.
  let prev = -1;
  let first = store.head[key]!;
  while (first >= 0 && store.records[first * width + END]! < start) {
    prev = first;
    first = store.next[first]!;
  }
  let overlapping = 0;
  for (let s = first; s >= 0 && store.records[s * width + START]! <= end; s = store.next[s]!) {
    start = Math.min(start, store.records[s * width + START]!);
    end = Math.max(end, store.records[s * width + END]!);
    overlapping++;
  }
  if (overlapping === 0 && !processingTime && end - 1 + lateness <= st.watermark) return false;
  let target = first;
  if (overlapping === 0) {
    target = openSession(store, key, prev, start, end);
    st.openSessions++;
    ctx.trace?.({ type: 'opened', nodeId: ctx.nodeId, windowStart: start, windowEnd: end, watermark: st.watermark, keys: key });
  }
  if (overlapping > 1 && ctx.trace !== null) traceMerge(st, ctx, key, first, overlapping, start, end);
  for (let k = 1; k < overlapping; k++) {
    const other = store.next[target]!;
    mergeSessions(store, target, other);
    close(st, other);
  }
  const r = store.records;
  const b = target * width;
  const endMoved = overlapping === 0 || r[b + END] !== end;
  r[b + START] = start;
  r[b + END] = end;
  addRowToSession(store, target, values, row, t);
  if (end - 1 <= st.watermark) {
    clearTimer(st.fireTimers, target);
    st.writer.frame[WATERMARK_AT] = st.watermark;
    if (st.tracer !== null) {
      st.tracer.row = row;
      st.tracer.caused = true;
    }
    emit(st, ctx, target);
    if (st.tracer !== null) st.tracer.revising.push(row);
  } else if (endMoved) {
    setTimer(st.fireTimers, target, end - 1);
  }
  return true;
}

/** Traces the `overlapping` sessions from slot `first` on that an event merges into [start, end). */
function traceMerge(st: SessionWindowState, ctx: OperatorContext, key: number, first: number, overlapping: number, start: number, end: number): void {
  const { store } = st;
  const mergedFrom: { start: number; end: number }[] = [];
  for (let s = first, k = 0; k < overlapping && s >= 0; s = store.next[s]!, k++) {
    mergedFrom.push({ start: store.records[s * store.width + START]!, end: store.records[s * store.width + END]! });
  }
  ctx.trace?.({ type: 'merged', nodeId: ctx.nodeId, windowStart: start, windowEnd: end, watermark: st.watermark, keys: key, mergedFrom });
}

/**
 * The per-row work of a batch: rows `rows` into their sessions, firing
 * whatever the watermark before each row passes; late rows are listed in
 * `lateRows`. A function of its own that ends with its loop: with the
 * per-batch work after the loop in one function, V8 compiled the loop on
 * stack with no feedback for that work yet, and the compiled code then
 * deoptimised at the end of every later batch (see cellKernels).
 */
function addRows(
  st: SessionWindowState, ctx: OperatorContext, batch: Batch, rows: Int32Array, values: readonly Float64Array[], lateRows: number[], now: number,
): void {
  const { keys, time, watermark } = batch;
  const processingTime = st.config.processingTime;
  for (let j = 0; j < rows.length; j++) {
    if ((j & (WARM_AHEAD - 1)) === 0 && keys !== null) warmSessions(st.store, keys, rows, j, Math.min(j + WARM_AHEAD, rows.length));
    const i = rows[j]!;
    const w = processingTime ? now - 1 : watermark[i]!;
    if (w > st.watermark) {
      if (hasTimerDue(st.fireTimers, w) || hasTimerDue(st.expireTimers, w)) {
        if (st.tracer !== null) {
          st.tracer.row = i;
          st.tracer.caused = false;
        }
        advance(st, ctx, w);
      }
      else st.watermark = w;
    }
    const key = keys === null ? 0 : keys[i]!;
    const t = processingTime ? now : time[i]!;
    if (!processingTime) checkWindowTime(t);
    if (!addEvent(st, ctx, key, t, values, i)) {
      lateRows.push(i);
      st.lateEvents++;
      ctx.trace?.({ type: 'late', nodeId: ctx.nodeId, windowStart: t, windowEnd: t + st.config.gap, watermark: st.watermark, eventTime: t, keys: key });
    }
  }
}

/** Builds the operator for a session window followed by an aggregate. */
export function createSessionWindowOperator(config: SessionWindowConfig, ctx: OperatorContext): Operator & { state: SessionWindowState } {
  const st = new SessionWindowState(config);
  const keyTable = st.keyTable;
  st.writer.reuseOutput = ctx.reuseOutputs === true;
  let emittedWatermark = -Infinity;
  /** Buffers for fields converted to numbers (see fieldValues): read only while a batch is handled. */
  const valueBuffers: Float64Array[] = [];
  /** Rows of the batch being handled that were late (reused: most batches have none). */
  const lateRows: number[] = [];
  const emptyLate = createEmptyBatches();
  const tracer = new RowTracer();

  function flush(batch: Batch | null): void {
    const moved = st.watermark > emittedWatermark;
    emittedWatermark = st.watermark;
    if (pendingResults(st.writer) > 0 || moved) ctx.emit('out', takeResults(st.writer, st.watermark));
    if (batch === null) return;
    if (lateRows.length > 0) ctx.emit('late', gatherBatch(batch, Int32Array.from(lateRows)));
    else if (moved) ctx.emit('late', emptyLate(batch));
    lateRows.length = 0;
  }

  function process(batch: Batch, rows: Int32Array): void {
    const now = config.processingTime ? ctx.now() : 0;
    ensureSessionKeys(st.store, captureKeys(keyTable, batch, rows));
    rememberInputDicts(st.writer, batch);
    // Decided per batch: a followed node lists the rows that revised (see rowTrace).
    const traced = ctx.trace !== null;
    const watermarkBefore = st.watermark;
    if (traced) tracer.reset();
    st.tracer = traced ? tracer : null;
    addRows(st, ctx, batch, rows, fieldValues(config.plan, batch, valueBuffers), lateRows, now);
    if (traced) traceRows(ctx, batch, rows, lateRows, tracer, watermarkBefore, config.processingTime ? now : null, keyTable);
    const end = config.processingTime && batch.endWatermark !== Infinity ? now : batch.endWatermark;
    tracer.row = -1;
    tracer.caused = false;
    if (end > st.watermark) advance(st, ctx, end);
    flush(batch);
    // Scratch, not state: a checkpoint between batches must not find it.
    st.tracer = null;
  }

  const snapshots = snapshotMethods({ st }, [st.config, config.plan, config.keyFields], {
    emittedWatermark: heldNumber(() => emittedWatermark, (w) => { emittedWatermark = w; }),
  });
  return {
    state: st,
    // Between batches valueBuffers and lateRows are scratch (lateRows is emptied by every flush).
    snapshot: snapshots.snapshot,
    restore: snapshots.restore,
    outputDicts: () => st.writer.outDicts,
    push: (batch: Batch) => process(batch, identityRows(batch.length)),
    pushSelected: (batch: Batch, rows: Int32Array) => process(batch, rows),
    tick(now: number): void {
      if (!config.processingTime || now <= st.watermark) return;
      tracer.reset();
      st.tracer = ctx.trace !== null ? tracer : null;
      advance(st, ctx, now);
      flush(null);
      st.tracer = null;
    },
    stats(): StateStats {
      return { keys: keyTable.values.length, openWindows: st.openSessions, lateEvents: st.lateEvents };
    },
  };
}
