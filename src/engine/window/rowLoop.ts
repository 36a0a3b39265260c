/**
 * The sliced window's per-row work: judging each row against the watermark
 * before it, sorting out late rows and rows between windows, and folding the
 * rest into their (slice, key) cells, with runs of plain rows handed to
 * fastFold.
 */
import type { Batch } from '../batch';
import type { OperatorContext } from '../operators/types';
import { checkWindowTime } from '../time';
import { directFold, foldOne, loadDirectCells } from './directMode';
import { fastFold, fastFoldSteady } from './fastFold';
import type { RowScratch } from './rowScratch';
import { setAsideRows, takesSetAsideRows } from './setAsideRows';
import { describeSlice, EXACT, IN_GAP, openSlice, REVISES, sliceOf } from './sliceCache';
import { addRowsToCells } from './sliceStore';
import { advance, reviseFired } from './slicedTime';
import type { SlicedWindowState } from './slicedState';
import { endSliceOf, newestWindowOf, windowEnd, windowStart } from './windowShape';

function traceLate(st: SlicedWindowState, ctx: OperatorContext, s: number, t: number, key: number): void {
  // The newest window the row would have belonged to.
  const k = newestWindowOf(st.shape, s);
  ctx.trace?.({ type: 'late', nodeId: ctx.nodeId, windowStart: windowStart(st.shape, k), windowEnd: windowEnd(st.shape, k), watermark: st.watermark, eventTime: t, keys: key });
}

/**
 * The per-row work, and the one place the rules of a time window meet a
 * row: a row is late when the watermark has reached cachedLateAt of its
 * slice (a row between windows: its own time plus lateness), is dropped when
 * its slice lies between windows, and revises fired windows when its slice
 * is flagged so, all as describeSlice (sliceCache) judged the slice from the
 * window shape (windowShape). The fast paths (fastFold, setAsideRows, direct
 * mode) only fold rows judged so.
 *
 * Judges rows `selection` of the batch against the watermark
 * before each (advancing, and so firing, whenever it reaches the next action),
 * sorts out late rows and rows between windows, and either folds every other
 * row into its cell (direct mode, see directFold) or lists it with its cell in
 * `scratch`. Returns how many rows it listed; those from scratch.flushed on are
 * left for the caller to add.
 *
 * Everything that follows from a row's event time (its slice, lateness
 * threshold, whether it revises fired windows, its slot) is looked up only when
 * the time differs from the previous row's, which in-order streams make rare.
 * After a plain row in direct mode, the rows that follow are handed to
 * fastFold for as long as they stay plain (most rows of most streams), so this
 * loop sees the first row of each batch and run, late rows, revisions and
 * firings. The function ends with its loop, so V8's on-stack-replaced code has
 * nothing after the loop to lack type feedback for (see cellKernels).
 */
export function foldRows(st: SlicedWindowState, ctx: OperatorContext, batch: Batch, selection: Int32Array, values: readonly Float64Array[], scratch: RowScratch, runs = true): number {
  const { time, watermark, keys } = batch;
  const { offset, lateness, processingTime } = st.config;
  const { store } = st;
  const g = st.shape.g;
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
  // `runs` is false when judging rows a run set aside, which must not start runs of their own.
  const canRun = runs && direct && integral && !processingTime;
  const run = scratch.run;
  const leanSetAside = canRun && takesSetAsideRows(st, ctx);
  if (canRun) {
    if (run.deferred.length < selection.length) run.deferred = new Int32Array(selection.length);
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
      if (!processingTime) checkWindowTime(t);
      lastT = t;
      const s = sliceOf(t - offset, g, inverseG, integral);
      // Read from the cache rather than branching on "same slice as before", which disordered
      // input makes a coin toss the branch predictor loses.
      const h = s & 7;
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
    if ((flags & IN_GAP) !== 0) {
      if (scratch.tracer !== null) scratch.tracer.dropped.push(i);
      continue;
    }
    // Allocated on the first row that is not late, so a late row never opens a slice.
    if (base < 0) {
      base = cachedBase[slice & 7] = openSlice(st, ctx, slice);
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
      // Listed rows go into their cells before the revision reads them (direct mode lists none).
      if (!direct) {
        addRowsToCells(store, cells, rows, values, time, scratch.flushed, accepted);
        scratch.flushed = accepted;
      }
      reviseFired(st, ctx, slice, base, key);
      if (scratch.tracer !== null) scratch.tracer.revising.push(i);
    } else if (canRun && prepareRun(st, scratch, slice, base, Math.min(nextAction, lateAt)) && wm < run.limit) {
      let w: number;
      run.deferredCount = 0;
      if (batch.endWatermark < run.limit) {
        const next = fastFoldSteady(run, dc, j + 1);
        w = next > j + 1 ? watermark[selection[next - 1]!]! : wm;
        j = next - 1;
      } else {
        j = fastFold(run, dc, j + 1, wm, scratch.runWatermark) - 1;
        w = scratch.runWatermark[0]!;
      }
      // Rows the run set aside, judged one by one with their own watermarks (all below the run's limit, so nothing fires).
      if (run.deferredCount > 0) {
        if (leanSetAside) setAsideRows(st, ctx, batch, run.deferred, run.deferredCount, values, scratch);
        else foldRows(st, ctx, batch, run.deferred.subarray(0, run.deferredCount), values, scratch, false);
        if (st.watermark > wm) wm = st.watermark;
      }
      if (w > wm) wm = st.watermark = w;
    }
  }
  return accepted;
}

/** Whether the cache knows slice x as open, not between windows and not revising fired ones. */
function isPlain(cachedSlice: Float64Array, cachedFlags: Int32Array, cachedBase: Int32Array, x: number): boolean {
  return cachedSlice[x & 7] === x && cachedFlags[x & 7] === 0 && cachedBase[x & 7]! >= 0;
}

/**
 * Sets the run (see fastFold) up around slice s, whose row was just folded
 * (open, at cell base, plain: no gap, no revision). The neighbouring slice
 * joins it when the cache knows it as plain and open too. `limit` is where
 * slice s stops being plain; false when no run can be had.
 */
function prepareRun(st: SlicedWindowState, scratch: RowScratch, s: number, base: number, limit: number): boolean {
  const { cachedSlice, cachedBase, cachedLateAt, cachedFlags, run } = scratch;
  const g = st.shape.g;
  let lo = s;
  if (isPlain(cachedSlice, cachedFlags, cachedBase, s - 1)) lo = s - 1;
  else if (!isPlain(cachedSlice, cachedFlags, cachedBase, s + 1)) {
    run.lo = s * g;
    run.mid = run.hi = run.lo + g;
    run.baseLo = run.baseHi = base;
    run.limit = limit;
    // Slices before firedBelow belong to fired windows (see describeSlice): their rows are never plain.
    const firedBelow = endSliceOf(st.shape, st.firedUpTo) * g;
    run.deferBelow = Math.min(0, firedBelow - run.lo);
    return Math.abs(run.lo) < EXACT && Math.abs(run.hi) < EXACT;
  }
  run.deferBelow = 0;
  const other = lo === s ? s + 1 : lo;
  run.lo = lo * g;
  run.mid = run.lo + g;
  run.hi = run.mid + g;
  run.baseLo = lo === s ? base : cachedBase[other & 7]!;
  run.baseHi = lo === s ? cachedBase[other & 7]! : base;
  run.limit = Math.min(limit, cachedLateAt[other & 7]!);
  return Math.abs(run.lo) < EXACT && Math.abs(run.hi) < EXACT;
}
