import type { Batch, Field } from '../batch';
import { createEmptyBatches, gatherBatch, identityRows } from '../batchOps';
import { captureKeys, createKeyTable, type KeyTable } from '../aggregate/keyTable';
import type { AggregatePlan } from '../aggregate/plan';
import { createResultWriter, pendingResults, rememberInputDicts, takeResults, type ResultWriter } from '../aggregate/resultWriter';
import { fieldValues } from '../aggregate/values';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { ceilDiv, floorDiv, gcd } from '../time';
import { createRunningWindow, evictBeforeFree, type RunningWindow } from './runningWindow';
import { addRowsToCells, createSliceStore, ensureKeyCapacity, freeSlice, slotForSlice, type SliceStore } from './sliceStore';
import { createDirectCells, createFastRun, fastFold, fastFoldSteady, type DirectCells, type FastRun } from './fastFold';
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
   * A direct-mapped cache, by slice index & 3, of what the row loop needs
   * about recent slices (see describeSlice) and the cell index of key 0 in
   * them (-1 until a row opens the slice): disordered input hops between a few
   * neighbouring slices, and a Map lookup per hop cost more than the rest of
   * the row. Emptied whenever slots may move or be freed, or windows fire.
   */
  readonly cachedSlice: Float64Array;
  readonly cachedBase: Int32Array;
  readonly cachedLateAt: Float64Array;
  readonly cachedFlags: Int32Array;
  /** Buffers for fields converted to numbers (see fieldValues): read only while the batch is handled. */
  readonly values: Float64Array[];
  /** Direct mode's cell arrays, the current run and the watermark it reached (see fastFold). */
  readonly direct: DirectCells;
  readonly run: FastRun;
  readonly runWatermark: Float64Array;
}

/**
 * floor(d / g) for d = time - offset. For integral d and g (event times in
 * ms, windows of whole ms) it multiplies by 1 / g, which is within one of the
 * quotient, and lets exact integer products settle which: the division's
 * latency dominated rows of disordered input.
 */
function sliceOf(d: number, g: number, inverseG: number, integral: boolean): number {
  if (!integral || d !== Math.floor(d) || d >= EXACT || d <= -EXACT) return Math.floor(d / g);
  let s = Math.floor(d * inverseG);
  const lo = s * g;
  if (lo > d) s--;
  else if (lo + g <= d) s++;
  return s;
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
function reviseFired(st: SlicedWindowState, ctx: OperatorContext, s: number, base: number, key: number): void {
  st.running.dirty = true;
  if (st.n === 1 && st.m === 1) {
    // Tumbling: slice s is window s, and its cell is known, so no search through the live slices.
    if (s <= st.firedUpTo && windowEndMinusOne(st, s) + st.config.lateness > st.watermark) {
      st.out.oneBase[0] = base;
      emitRevision(st, ctx, s, key, st.out.oneBase);
    }
    return;
  }
  const newest = floorDiv(s, st.m);
  for (let k = ceilDiv(s - st.n + 1, st.m); k <= Math.min(newest, st.firedUpTo); k++) {
    if (windowEndMinusOne(st, k) + st.config.lateness > st.watermark) emitRevision(st, ctx, k, key);
  }
}

function traceLate(st: SlicedWindowState, ctx: OperatorContext, s: number, t: number, key: number): void {
  const start = st.config.offset + floorDiv(s, st.m) * st.config.slide;
  ctx.trace?.({ type: 'late', nodeId: ctx.nodeId, windowStart: start, windowEnd: start + st.config.size, watermark: st.watermark, eventTime: t, keys: key });
}

const IN_GAP = 1;
const REVISES = 2;

/** Fills cache entry h with what follows from slice s: the rows of its windows are late from which watermark, whether it lies between windows or revises fired ones. Its slot is looked up when a row needs it. */
function describeSlice(st: SlicedWindowState, scratch: RowScratch, s: number, h: number): void {
  const { offset, slide, size, lateness } = st.config;
  const { m, n } = st;
  // Slides are usually multiples of the slice (m = 1): then no division is needed.
  const newest = m === 1 ? s : Math.floor(s / m);
  // With size < slide, a slice past window newest's n slices falls between windows. As in
  // Flink, its rows are late only when their own time is; otherwise they belong to no window.
  const inGap = s - newest * m >= n;
  const revises = (m === 1 ? s - n + 1 : ceilDiv(s - n + 1, m)) <= st.firedUpTo;
  scratch.cachedSlice[h] = s;
  scratch.cachedLateAt[h] = offset + newest * slide + size - 1 + lateness;
  scratch.cachedFlags[h] = (inGap ? IN_GAP : 0) | (revises ? REVISES : 0);
  scratch.cachedBase[h] = -1;
}

/** Below this magnitude integers and their products with a slice width stay exact in doubles. */
const EXACT = 2 ** 52;

/**
 * The per-row work: judges rows `selection` of the batch against the watermark
 * before each (advancing, and so firing, whenever it reaches the next action),
 * sorts out late rows and rows between windows, and either folds every other
 * row into its cell (direct mode, see directFold) or lists it with its cell in
 * `scratch`. Returns how many rows it listed; those from scratch.flushed on are
 * left for the caller to add.
 *
 * Everything that follows from a row's event time (its slice, lateness
 * threshold, whether it revises fired windows, its slot) is looked up only when
 * the time differs from the previous row's, which in-order streams make rare:
 * the common row costs a few compares and two stores. The function ends with its
 * loop, so V8's on-stack-replaced code has nothing after the loop to lack type
 * feedback for (see cellKernels).
 */
function foldRows(st: SlicedWindowState, ctx: OperatorContext, batch: Batch, selection: Int32Array, values: readonly Float64Array[], scratch: RowScratch): number {
  const { time, watermark, keys } = batch;
  const { offset, lateness, processingTime } = st.config;
  const { g, store } = st;
  const integral = Number.isInteger(offset) && Number.isInteger(g);
  const inverseG = 1 / g;
  const { cells, rows } = scratch;
  let accepted = 0;
  let wm = st.watermark;
  let nextAction = st.nextActionAt;
  let lastT = NaN;
  let slice = NaN;
  let flags = 0;
  let lateAt = 0;
  let base = -1;
  const { cachedSlice, cachedBase, cachedLateAt, cachedFlags } = scratch;
  // Direct mode (see directFold): rows go into their cells here rather than being listed for the kernels.
  const direct = directFold(store);
  const dc = scratch.direct;
  if (direct) loadDirectCells(store, values, dc);
  // Runs of plain rows go to fastFold, which needs exact slice bounds (and processing time has no disorder to speed up).
  const canRun = direct && integral && !processingTime;
  const run = scratch.run;
  if (canRun) {
    run.selection = selection;
    run.watermark = watermark;
    run.time = time;
    run.keys = keys;
    run.offset = offset;
  }
  for (let j = 0; j < selection.length; j++) {
    const i = selection[j]!;
    const w = watermark[i]!;
    if (w > wm) {
      wm = w;
      if (w >= nextAction) {
        addRowsToCells(store, cells, rows, values, time, scratch.flushed, accepted);
        scratch.flushed = accepted;
        advance(st, ctx, w);
        cachedSlice.fill(NaN); // firing and expiry change what a slice's rows mean, and may free slots
        nextAction = st.nextActionAt;
        lastT = NaN;
      } else st.watermark = w;
    }
    const t = time[i]!;
    if (t !== lastT) {
      lastT = t;
      const s = sliceOf(t - offset, g, inverseG, integral);
      // Read from the cache rather than branching on "same slice as before", which disordered
      // input makes a coin toss the branch predictor loses.
      const h = s & 3;
      if (cachedSlice[h] !== s) describeSlice(st, scratch, s, h);
      slice = s;
      flags = cachedFlags[h]!;
      base = cachedBase[h]!;
      lateAt = processingTime ? Infinity : (flags & IN_GAP) !== 0 ? t + lateness : cachedLateAt[h]!;
    }
    if (lateAt <= wm) {
      scratch.late.push(i);
      st.lateEvents++;
      if (ctx.trace !== null) traceLate(st, ctx, slice, t, keys === null ? 0 : keys[i]!);
      continue;
    }
    if ((flags & IN_GAP) !== 0) continue;
    // Allocated on the first row that is not late, so a late row never opens a slice.
    if (base < 0) {
      base = cachedBase[slice & 3] = openSlice(st, ctx, slice);
      // A new slot may have re-laid the store out in larger arrays.
      if (direct) loadDirectCells(store, values, dc);
    }
    const key = keys === null ? 0 : keys[i]!;
    const c = base + key;
    if (direct) foldOne(dc, c, i);
    else {
      cells[accepted] = c;
      rows[accepted] = i;
      accepted++;
    }
    if ((flags & REVISES) !== 0) {
      addRowsToCells(store, cells, rows, values, time, scratch.flushed, accepted);
      scratch.flushed = accepted;
      reviseFired(st, ctx, slice, base, key);
    } else if (canRun && prepareRun(st, scratch, slice, base, Math.min(nextAction, lateAt)) && wm < run.limit) {
      let w: number;
      if (batch.endWatermark < run.limit) {
        const next = fastFoldSteady(run, dc, j + 1);
        w = next > j + 1 ? watermark[selection[next - 1]!]! : wm;
        j = next - 1;
      } else {
        j = fastFold(run, dc, j + 1, wm, scratch.runWatermark) - 1;
        w = scratch.runWatermark[0]!;
      }
      if (w > wm) wm = st.watermark = w;
    }
  }
  return accepted;
}

/** One row into its cell, in direct mode (fastFold does the same for runs of rows). */
function foldOne(dc: DirectCells, c: number, i: number): void {
  dc.count[c]!++;
  if (!dc.hasField) return;
  const x = dc.v[i]!;
  if (x !== x) return;
  dc.n[c]!++;
  if (dc.hasSum) dc.sum[c]! += x;
  if (dc.hasMin && x < dc.min[c]!) dc.min[c] = x;
  if (dc.hasMax && x > dc.max[c]!) dc.max[c] = x;
}

/** Points `dc` at the store's current arrays (a new slot may re-lay them out). */
function loadDirectCells(store: SliceStore, values: readonly Float64Array[], dc: DirectCells): void {
  const field = store.fields[0];
  dc.count = store.count;
  dc.hasField = field !== undefined;
  dc.v = field === undefined ? NO_VALUES : values[0]!;
  dc.n = field?.n ?? NO_VALUES;
  dc.sum = field?.sum ?? NO_VALUES;
  dc.min = field?.min ?? NO_VALUES;
  dc.max = field?.max ?? NO_VALUES;
  dc.hasSum = (field?.sum ?? null) !== null;
  dc.hasMin = (field?.min ?? null) !== null;
  dc.hasMax = (field?.max ?? null) !== null;
}

/** Whether the cache knows slice x as open, not between windows and not revising fired ones. */
function isPlain(cachedSlice: Float64Array, cachedFlags: Int32Array, cachedBase: Int32Array, x: number): boolean {
  return cachedSlice[x & 3] === x && cachedFlags[x & 3] === 0 && cachedBase[x & 3]! >= 0;
}

/**
 * Sets the run (see fastFold) up around slice s, whose row was just folded
 * (open, at cell base, plain: no gap, no revision). The neighbouring slice
 * joins it when the cache knows it as plain and open too. `limit` is where
 * slice s stops being plain; false when no run can be had.
 */
function prepareRun(st: SlicedWindowState, scratch: RowScratch, s: number, base: number, limit: number): boolean {
  const { cachedSlice, cachedBase, cachedLateAt, cachedFlags, run } = scratch;
  const g = st.g;
  let lo = s;
  if (isPlain(cachedSlice, cachedFlags, cachedBase, s - 1)) lo = s - 1;
  else if (!isPlain(cachedSlice, cachedFlags, cachedBase, s + 1)) {
    run.lo = s * g;
    run.mid = run.hi = run.lo + g;
    run.baseLo = run.baseHi = base;
    run.limit = limit;
    return Math.abs(run.lo) < EXACT && Math.abs(run.hi) < EXACT;
  }
  const other = lo === s ? s + 1 : lo;
  run.lo = lo * g;
  run.mid = run.lo + g;
  run.hi = run.mid + g;
  run.baseLo = lo === s ? base : cachedBase[other & 3]!;
  run.baseHi = lo === s ? cachedBase[other & 3]! : base;
  run.limit = Math.min(limit, cachedLateAt[other & 3]!);
  return Math.abs(run.lo) < EXACT && Math.abs(run.hi) < EXACT;
}

const NO_VALUES = new Float64Array(0);

/**
 * Whether the row loop can fold rows into their cells itself: when the plan
 * keeps at most count, sum, min and max of one field (the usual dashboard
 * aggregate). Listing rows for the kernels, then reading the list back, cost
 * as much again as the folding.
 */
function directFold(store: SliceStore): boolean {
  const f = store.fields[0];
  if (f === undefined) return true;
  return store.fields.length === 1 && f.sumSq === null && f.firstV === null && f.complex === null;
}

/** Builds the operator for a tumbling or hopping window followed by an aggregate. */
export function createSlicedWindowOperator(config: SlicedWindowConfig, ctx: OperatorContext): Operator & { state: SlicedWindowState } {
  const st = createSlicedWindowState(config);
  const scratch: RowScratch = {
    cells: new Int32Array(1024), rows: new Int32Array(1024), flushed: 0, late: [],
    cachedSlice: new Float64Array(4), cachedBase: new Int32Array(4), cachedLateAt: new Float64Array(4), cachedFlags: new Int32Array(4), values: [],
    direct: createDirectCells(), run: createFastRun(), runWatermark: new Float64Array(1),
  };
  let emittedWatermark = -Infinity;
  const emptyLate = createEmptyBatches();

  function process(input: Batch, selection: Int32Array | null): void {
    const batch = config.processingTime ? stampProcessingTime(input, ctx.now()) : input;
    const rows = selection ?? identityRows(batch.length);
    const maxKey = captureKeys(st.keyTable, batch, rows);
    ensureKeyCapacity(st.store, maxKey);
    rememberInputDicts(st.writer, batch);
    const values = fieldValues(config.plan, batch, scratch.values);
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
    if (scratch.late.length > 0) ctx.emit('late', gatherBatch(batch, Int32Array.from(scratch.late)));
    else if (moved) ctx.emit('late', emptyLate(batch));
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
