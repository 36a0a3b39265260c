import type { Batch, Field } from '../batch';
import { gatherBatch, identityRows } from '../batchOps';
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

/**
 * Scratch of the row loop, owned by one operator and never emitted, so it is
 * reused from batch to batch: the accepted rows' cells and batch indices
 * (see cellKernels), and the late rows.
 */
interface RowScratch {
  cells: Int32Array;
  rows: Int32Array;
  /** Entries of cells/rows before this one are already in the slice store. */
  flushed: number;
  late: number[];
  /**
   * A 4-way direct-mapped cache, by slice index & 3, of the cell index of key
   * 0 in recent slices: disordered input hops between a few neighbouring
   * slices, and a Map lookup per hop cost more than the rest of the row.
   * Emptied whenever slots may move or be freed.
   */
  readonly cachedSlice: Float64Array;
  readonly cachedBase: Float64Array;
}

/** Allocates slice s's slot if it is new; returns the cell index of key 0 in it. */
function openSlice(st: SlicedWindowState, ctx: OperatorContext, s: number): number {
  const store = st.store;
  const isNew = !store.slotOf.has(s);
  const base = slotForSlice(store, s) * store.keyCap;
  if (isNew) {
    if (ctx.trace !== null) traceOpened(st, ctx, s);
    if (s < st.running.hi) st.running.dirty = true;
  }
  return base;
}

/** A row landed in slice s of windows that already fired: fire those still within allowed lateness again for its key. */
function reviseFired(st: SlicedWindowState, ctx: OperatorContext, s: number, key: number): void {
  st.running.dirty = true;
  const newest = floorDiv(s, st.m);
  for (let k = ceilDiv(s - st.n + 1, st.m); k <= Math.min(newest, st.firedUpTo); k++) {
    if (windowEndMinusOne(st, k) + st.config.lateness > st.watermark) emitRevision(st, ctx, k, key);
  }
}

function traceLate(st: SlicedWindowState, ctx: OperatorContext, s: number, t: number, key: number): void {
  const start = st.config.offset + floorDiv(s, st.m) * st.config.slide;
  ctx.trace?.({ type: 'late', nodeId: ctx.nodeId, windowStart: start, windowEnd: start + st.config.size, watermark: st.watermark, eventTime: t, keys: key });
}

/**
 * The per-row work: judges rows `selection` of the batch against the watermark
 * before each (advancing, and so firing, whenever it reaches the next action),
 * sorts out late rows and rows between windows, and lists every other row with
 * its cell in `scratch`. Returns how many rows it listed; those from
 * scratch.flushed on are left for the caller to add.
 *
 * Everything that follows from a row's event time (its slice, lateness
 * threshold, whether it revises fired windows, its slot) is recomputed only when
 * the time differs from the previous row's, which in-order streams make rare:
 * the common row costs two compares and a store. The function ends with its
 * loop, so V8's on-stack-replaced code has nothing after the loop to lack type
 * feedback for (see cellKernels).
 */
function foldRows(st: SlicedWindowState, ctx: OperatorContext, batch: Batch, selection: Int32Array, values: readonly Float64Array[], scratch: RowScratch): number {
  const { time, watermark, keys } = batch;
  const { offset, slide, size, lateness, processingTime } = st.config;
  const { g, m, n, store } = st;
  const { cells, rows } = scratch;
  let accepted = 0;
  let wm = st.watermark;
  let nextAction = st.nextActionAt;
  let lastT = NaN;
  let slice = NaN;
  let inGap = false;
  let sliceLateAt = 0;
  let lateAt = 0;
  let revises = false;
  let base = -1;
  for (let j = 0; j < selection.length; j++) {
    const i = selection[j]!;
    const w = watermark[i]!;
    if (w > wm) {
      wm = w;
      if (w >= nextAction) {
        addRowsToCells(store, cells, rows, values, time, scratch.flushed, accepted);
        scratch.flushed = accepted;
        advance(st, ctx, w);
        scratch.cachedSlice.fill(NaN);
        nextAction = st.nextActionAt;
        lastT = NaN; // firing and expiry change what a slice's rows mean, and may free slots
        slice = NaN;
      } else st.watermark = w;
    }
    const t = time[i]!;
    if (t !== lastT) {
      lastT = t;
      const s = Math.floor((t - offset) / g);
      if (s !== slice) {
        slice = s;
        const newest = Math.floor(s / m);
        // With size < slide, a slice past window newest's n slices falls between windows. As in
        // Flink, its rows are late only when their own time is; otherwise they belong to no window.
        inGap = s - newest * m >= n;
        sliceLateAt = offset + newest * slide + size - 1 + lateness;
        revises = ceilDiv(s - n + 1, m) <= st.firedUpTo;
        base = scratch.cachedSlice[s & 3] === s ? scratch.cachedBase[s & 3]! : -1;
      }
      lateAt = processingTime ? Infinity : inGap ? t + lateness : sliceLateAt;
    }
    if (lateAt <= wm) {
      scratch.late.push(i);
      st.lateEvents++;
      if (ctx.trace !== null) traceLate(st, ctx, slice, t, keys === null ? 0 : keys[i]!);
      continue;
    }
    if (inGap) continue;
    // Allocated on the first row that is not late, so a late row never opens a slice.
    if (base < 0) {
      base = openSlice(st, ctx, slice);
      scratch.cachedSlice[slice & 3] = slice;
      scratch.cachedBase[slice & 3] = base;
    }
    const key = keys === null ? 0 : keys[i]!;
    cells[accepted] = base + key;
    rows[accepted] = i;
    accepted++;
    if (revises) {
      addRowsToCells(store, cells, rows, values, time, scratch.flushed, accepted);
      scratch.flushed = accepted;
      reviseFired(st, ctx, slice, key);
    }
  }
  return accepted;
}

/** Builds the operator for a tumbling or hopping window followed by an aggregate. */
export function createSlicedWindowOperator(config: SlicedWindowConfig, ctx: OperatorContext): Operator & { state: SlicedWindowState } {
  const st = createSlicedWindowState(config);
  const scratch: RowScratch = {
    cells: new Int32Array(1024), rows: new Int32Array(1024), flushed: 0, late: [],
    cachedSlice: new Float64Array(4), cachedBase: new Float64Array(4),
  };
  let emittedWatermark = -Infinity;

  function process(input: Batch, selection: Int32Array | null): void {
    const batch = config.processingTime ? stampProcessingTime(input, ctx.now()) : input;
    const rows = selection ?? identityRows(batch.length);
    const maxKey = captureKeys(st.keyTable, batch, rows);
    ensureKeyCapacity(st.store, maxKey);
    for (const [f, field] of config.plan.fields.entries()) {
      const column = batch.columns[field.name];
      if (column?.type === 'string') st.writer.inputDicts[f] = column.dict;
    }
    const values = fieldValues(config.plan, batch);
    if (scratch.cells.length < rows.length) {
      scratch.cells = new Int32Array(rows.length * 2);
      scratch.rows = new Int32Array(rows.length * 2);
    }
    scratch.flushed = 0;
    scratch.late = [];
    scratch.cachedSlice.fill(NaN); // the key capacity may have changed
    const accepted = foldRows(st, ctx, batch, rows, values, scratch);
    addRowsToCells(st.store, scratch.cells, scratch.rows, values, batch.time, scratch.flushed, accepted);
    if (batch.endWatermark > st.watermark) advance(st, ctx, batch.endWatermark);
    const moved = st.watermark > emittedWatermark;
    emittedWatermark = st.watermark;
    if (pendingResults(st.writer) > 0 || moved) ctx.emit('out', takeResults(st.writer, st.watermark));
    if (scratch.late.length > 0 || moved) ctx.emit('late', gatherBatch(batch, Int32Array.from(scratch.late)));
  }

  return {
    state: st,
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
