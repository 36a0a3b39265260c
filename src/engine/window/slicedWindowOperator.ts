import type { Batch, Field } from '../batch';
import { gatherBatch } from '../batchOps';
import { captureKeys, createKeyTable, type KeyTable } from '../aggregate/keyTable';
import type { AggregatePlan } from '../aggregate/plan';
import { createResultWriter, pendingResults, takeResults, type ResultWriter } from '../aggregate/resultWriter';
import { fieldValues } from '../aggregate/values';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { ceilDiv, floorDiv, gcd } from '../time';
import { createRunningWindow, evictBeforeFree, type RunningWindow } from './runningWindow';
import { addRowsToCells, createSliceStore, ensureKeyCapacity, freeSlice, slotForSlice, type SliceStore } from './sliceStore';
import { createWindowEmitter, emitRevision, emitWindow, type WindowEmitter } from './windowEmit';

/** Tumbling (slide = size) and hopping windows, both computed from slices of gcd(size, slide). */
export interface SlicedWindowConfig {
  readonly size: number;
  readonly slide: number;
  readonly offset: number;
  readonly lateness: number;
  readonly processingTime: boolean;
  readonly plan: AggregatePlan;
  readonly keyFields: readonly Field[];
}

/** All state of the operator: plain data. */
export interface SlicedWindowState {
  readonly config: SlicedWindowConfig;
  /** Slice width and the number of slices per slide (m) and per window (n). */
  readonly g: number;
  readonly m: number;
  readonly n: number;
  readonly store: SliceStore;
  readonly running: RunningWindow;
  readonly keyTable: KeyTable;
  readonly writer: ResultWriter;
  readonly out: WindowEmitter;
  watermark: number;
  /** Every window up to this index has passed its firing time. */
  firedUpTo: number;
  /** The watermark at which something next needs doing (a firing or an expiry). */
  nextActionAt: number;
  lateEvents: number;
}

/** Creates the operator state for a tumbling or hopping window aggregation. */
export function createSlicedWindowState(config: SlicedWindowConfig): SlicedWindowState {
  const g = gcd(config.size, config.slide);
  const store = createSliceStore(config.plan);
  const keyTable = createKeyTable(config.keyFields);
  const writer = createResultWriter(config.plan, keyTable, true);
  return {
    config, g, m: config.slide / g, n: config.size / g, store,
    running: createRunningWindow(store), keyTable, writer, out: createWindowEmitter(config.plan),
    watermark: -Infinity, firedUpTo: -Infinity, nextActionAt: -Infinity, lateEvents: 0,
  };
}

function windowEndMinusOne(st: SlicedWindowState, k: number): number {
  return st.config.offset + k * st.config.slide + st.config.size - 1;
}

/** Index of the last window whose end - 1 is at or before watermark w. */
function lastFiredWindow(st: SlicedWindowState, w: number): number {
  if (w === Infinity) return Infinity;
  return floorDiv(w + 1 - st.config.offset - st.config.size, st.config.slide);
}

/** First window at or after k that contains a live slice (Infinity when none). */
function nextDataWindow(st: SlicedWindowState, k: number): number {
  const live = st.store.live;
  const from = k * st.m;
  let lo = 0;
  let hi = live.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (live[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  if (lo === live.length) return Infinity;
  return Math.max(k, ceilDiv(live[lo]! - st.n + 1, st.m));
}

function computeNextAction(st: SlicedWindowState): void {
  const nextFire = windowEndMinusOne(st, st.firedUpTo + 1);
  let nextExpire = Infinity;
  const oldest = st.store.live[0];
  if (oldest !== undefined) nextExpire = windowEndMinusOne(st, floorDiv(oldest, st.m)) + st.config.lateness;
  const firstFired = st.out.fired.keys().next();
  if (firstFired.done !== true) nextExpire = Math.min(nextExpire, windowEndMinusOne(st, firstFired.value) + st.config.lateness);
  st.nextActionAt = Math.min(nextFire, nextExpire);
}

/** Moves the watermark to w: fires windows whose end has passed, then drops expired state. */
function advance(st: SlicedWindowState, ctx: OperatorContext, w: number): void {
  const before = st.watermark;
  st.watermark = w;
  const lastFire = lastFiredWindow(st, w);
  // nextDataWindow answers Infinity when no data is left, which must end the loop even when lastFire is Infinity.
  for (let k = nextDataWindow(st, st.firedUpTo + 1); k <= lastFire && k !== Infinity; k = nextDataWindow(st, k + 1)) {
    emitWindow(st, ctx, k, before);
  }
  st.firedUpTo = Math.max(st.firedUpTo, lastFire);
  const firstLive = w === Infinity ? Infinity : floorDiv(w + 1 - st.config.lateness - st.config.offset - st.config.size, st.config.slide) + 1;
  const live = st.store.live;
  while (live.length > 0 && floorDiv(live[0]!, st.m) < firstLive) {
    evictBeforeFree(st.running, st.store, live[0]!);
    freeSlice(st.store, live[0]!);
  }
  for (const k of st.out.fired.keys()) {
    if (k >= firstLive) break;
    st.out.fired.delete(k);
    st.out.opened.delete(k);
    ctx.trace?.({ type: 'closed', nodeId: ctx.nodeId, windowStart: windowEndMinusOne(st, k) + 1 - st.config.size, windowEnd: windowEndMinusOne(st, k) + 1, watermark: w });
  }
  computeNextAction(st);
}

/** Builds the operator for a tumbling or hopping window followed by an aggregate. */
export function createSlicedWindowOperator(config: SlicedWindowConfig, ctx: OperatorContext): Operator & { state: SlicedWindowState } {
  const st = createSlicedWindowState(config);
  let cells = new Int32Array(1024);
  let emittedWatermark = -Infinity;

  function process(input: Batch): void {
    const batch = config.processingTime ? stampProcessingTime(input, ctx.now()) : input;
    const rows = batch.length;
    const maxKey = captureKeys(st.keyTable, batch);
    ensureKeyCapacity(st.store, maxKey);
    for (const [f, field] of config.plan.fields.entries()) {
      const column = batch.columns[field.name];
      if (column?.type === 'string') st.writer.inputDicts[f] = column.dict;
    }
    const values = fieldValues(config.plan, batch);
    if (cells.length < rows) cells = new Int32Array(rows * 2);
    const { time, watermark, keys } = batch;
    const { offset, slide, size, lateness } = config;
    const { g, m, n, store } = st;
    const lateRows: number[] = [];
    let segment = 0;
    let lastSlice = NaN;
    let lastBase = 0;
    for (let i = 0; i < rows; i++) {
      const w = watermark[i]!;
      if (w > st.watermark) {
        if (w >= st.nextActionAt) {
          addRowsToCells(store, cells, values, time, segment, i);
          segment = i;
          advance(st, ctx, w);
          lastSlice = NaN;
        } else st.watermark = w;
      }
      const s = Math.floor((time[i]! - offset) / g);
      const newestWindow = Math.floor(s / m);
      if (!config.processingTime && offset + newestWindow * slide + size - 1 + lateness <= st.watermark) {
        cells[i] = -1;
        lateRows.push(i);
        st.lateEvents++;
        ctx.trace?.({ type: 'late', nodeId: ctx.nodeId, windowStart: offset + newestWindow * slide, windowEnd: offset + newestWindow * slide + size, watermark: st.watermark, eventTime: time[i]!, keys: keys === null ? 0 : keys[i]! });
        continue;
      }
      if (s !== lastSlice) {
        const isNew = !store.slotOf.has(s);
        lastBase = slotForSlice(store, s) * store.keyCap;
        lastSlice = s;
        if (isNew) {
          if (ctx.trace !== null) traceOpened(st, ctx, s);
          if (s < st.running.hi) st.running.dirty = true;
        }
      }
      const key = keys === null ? 0 : keys[i]!;
      cells[i] = lastBase + key;
      const oldestWindow = ceilDiv(s - n + 1, m);
      if (oldestWindow <= st.firedUpTo) {
        addRowsToCells(store, cells, values, time, segment, i + 1);
        segment = i + 1;
        st.running.dirty = true;
        for (let k = oldestWindow; k <= Math.min(newestWindow, st.firedUpTo); k++) {
          if (windowEndMinusOne(st, k) + lateness > st.watermark) emitRevision(st, ctx, k, key);
        }
      }
    }
    addRowsToCells(store, cells, values, time, segment, rows);
    if (batch.endWatermark > st.watermark) advance(st, ctx, batch.endWatermark);
    const moved = st.watermark > emittedWatermark;
    emittedWatermark = st.watermark;
    if (pendingResults(st.writer) > 0 || moved) ctx.emit('out', takeResults(st.writer, st.watermark));
    if (lateRows.length > 0 || moved) ctx.emit('late', gatherBatch(batch, Int32Array.from(lateRows)));
  }

  return {
    state: st,
    push: process,
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

function traceOpened(st: SlicedWindowState, ctx: OperatorContext, s: number): void {
  for (let k = ceilDiv(s - st.n + 1, st.m); k <= floorDiv(s, st.m); k++) {
    if (st.out.opened.has(k)) continue;
    st.out.opened.add(k);
    const end = windowEndMinusOne(st, k) + 1;
    ctx.trace?.({ type: 'opened', nodeId: ctx.nodeId, windowStart: end - st.config.size, windowEnd: end, watermark: st.watermark });
  }
}

/** In processing time every row happens now; the rows are judged against the moment just before. */
function stampProcessingTime(batch: Batch, now: number): Batch {
  return {
    ...batch,
    time: new Float64Array(batch.length).fill(now),
    watermark: new Float64Array(batch.length).fill(now - 1),
    // The end of a finite input still flushes every window.
    endWatermark: batch.endWatermark === Infinity ? Infinity : now,
  };
}
