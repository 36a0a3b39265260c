/**
 * What the row loops (rowLoop, setAsideRows) know about a slice from its
 * index alone: from which watermark its rows are late, whether it lies
 * between windows or revises fired ones, and its slot once a row opens it,
 * cached for the few slices disordered input hops between.
 */
import type { OperatorContext } from '../operators/types';
import { traceOpened } from './slicedTime';
import { slotForSlice } from './sliceStore';
import type { SlicedWindowState } from './slicedState';
import { inGap, newestWindowOf, oldestWindowOf, windowLastMs } from './windowShape';

/**
 * A direct-mapped cache, by slice index & 7, of what the row loops need about
 * recent slices (see describeSlice) and the cell index of key 0 in them (-1
 * until a row opens the slice). The row scratch (see RowScratch) holds it.
 */
export interface SliceCache {
  readonly cachedSlice: Float64Array;
  readonly cachedBase: Int32Array;
  readonly cachedLateAt: Float64Array;
  readonly cachedFlags: Int32Array;
}

/**
 * floor(d / g) for d = time - offset. For integral d and g (event times in
 * ms, windows of whole ms) it multiplies by 1 / g, which is within one of the
 * quotient, and lets exact integer products settle which: the division's
 * latency dominated rows of disordered input.
 */
export function sliceOf(d: number, g: number, inverseG: number, integral: boolean): number {
  if (!integral || d !== Math.floor(d) || d >= EXACT || d <= -EXACT) {
    // d / g may round up to a whole number, or underflow to -0 for d = -5e-324: the slice then begins after d.
    const q = Math.floor(d / g);
    return q * g > d ? q - 1 : q;
  }
  let s = Math.floor(d * inverseG);
  const lo = s * g;
  if (lo > d) s--;
  else if (lo + g <= d) s++;
  return s;
}

/** Allocates slice s's slot if it is new; returns the cell index of key 0 in it. */
export function openSlice(st: SlicedWindowState, ctx: OperatorContext, s: number): number {
  const store = st.store;
  const isNew = !store.slotOf.has(s);
  const base = slotForSlice(store, s) * store.keyCap;
  if (isNew) {
    if (ctx.trace !== null) traceOpened(st, ctx, s);
    if (s < st.running.hi) st.running.dirty = true;
  }
  return base;
}

export const IN_GAP = 1;
export const REVISES = 2;

/** Fills cache entry h with what follows from slice s: the rows of its windows are late from which watermark, whether it lies between windows or revises fired ones. Its slot is looked up when a row needs it. */
export function describeSlice(st: SlicedWindowState, scratch: SliceCache, s: number, h: number): void {
  const sh = st.shape;
  // Rows are late once the newest window of their slice is past allowed lateness. A slice
  // between windows (size < slide): as in Flink, its rows are late only when their own time
  // is; otherwise they belong to no window. Rows of a slice whose oldest window fired revise it.
  const gap = inGap(sh, s);
  const revises = oldestWindowOf(sh, s) <= st.firedUpTo;
  scratch.cachedSlice[h] = s;
  scratch.cachedLateAt[h] = windowLastMs(sh, newestWindowOf(sh, s)) + st.config.lateness;
  scratch.cachedFlags[h] = (gap ? IN_GAP : 0) | (revises ? REVISES : 0);
  scratch.cachedBase[h] = -1;
}

/** Below this magnitude integers and their products with a slice width stay exact in doubles. */
export const EXACT = 2 ** 52;

