/**
 * When a sliced window operator fires, revises and forgets: the watermark's progress
 * against window ends and allowed lateness, kept as "the next watermark at
 * which anything needs doing" so the row loop checks one number per row.
 */
import type { OperatorContext } from '../operators/types';
import { evictBeforeFree } from './runningWindow';
import { freeSlice } from './sliceStore';
import type { SlicedWindowState } from './slicedState';
import { emitRevision, emitWindow } from './windowEmit';
import { forgetFired } from './windowFirings';
import { firstLiveWindow, firstSliceOf, lastFiredWindow, newestWindowOf, oldestWindowOf, oneSliceWindows, windowEnd, windowLastMs, windowStart } from './windowShape';

/** First window at or after k that contains a live slice (Infinity when none). */
function nextDataWindow(st: SlicedWindowState, k: number): number {
  const live = st.store.live;
  const from = firstSliceOf(st.shape, k);
  let lo = 0;
  let hi = live.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (live[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  if (lo === live.length) return Infinity;
  return Math.max(k, oldestWindowOf(st.shape, live[lo]!));
}

function computeNextAction(st: SlicedWindowState): void {
  const sh = st.shape;
  const nextFire = windowLastMs(sh, st.firedUpTo + 1);
  let nextExpire = Infinity;
  const oldest = st.store.live[0];
  if (oldest !== undefined) nextExpire = windowLastMs(sh, newestWindowOf(sh, oldest)) + st.config.lateness;
  const firstFired = st.out.fired.keys().next();
  if (firstFired.done !== true) nextExpire = Math.min(nextExpire, windowLastMs(sh, firstFired.value) + st.config.lateness);
  st.nextActionAt = Math.min(nextFire, nextExpire);
}

/** Moves the watermark to w: fires windows whose end has passed, then drops expired state. */
export function advance(st: SlicedWindowState, ctx: OperatorContext, w: number): void {
  const before = st.watermark;
  st.watermark = w;
  const sh = st.shape;
  const lastFire = lastFiredWindow(sh, w);
  // nextDataWindow answers Infinity when no data is left, which must end the loop even when lastFire is Infinity.
  // Each step must move on: past 2^53, k + 1 is k, and the loop would fire window k forever (checkWindowTime keeps
  // times well below that; this keeps the loop finite whatever reaches it).
  for (let k = nextDataWindow(st, st.firedUpTo + 1); k <= lastFire && k !== Infinity;) {
    emitWindow(st, ctx, k, before);
    const next = nextDataWindow(st, k + 1);
    if (!(next > k)) break;
    k = next;
  }
  st.firedUpTo = Math.max(st.firedUpTo, lastFire);
  const firstLive = firstLiveWindow(sh, w, st.config.lateness);
  const live = st.store.live;
  // A slice is freed once the last window it belongs to has expired.
  while (live.length > 0 && newestWindowOf(sh, live[0]!) < firstLive) {
    evictBeforeFree(st.running, st.store, live[0]!);
    freeSlice(st.store, live[0]!);
  }
  for (const k of st.out.fired.keys()) {
    if (k >= firstLive) break;
    forgetFired(st.out, k);
    st.out.opened.delete(k);
    ctx.trace?.({ type: 'closed', nodeId: ctx.nodeId, windowStart: windowStart(sh, k), windowEnd: windowEnd(sh, k), watermark: w });
  }
  computeNextAction(st);
}

/** Traces the opening of the windows that slice s is the first of their slices to hold rows. */
export function traceOpened(st: SlicedWindowState, ctx: OperatorContext, s: number): void {
  const sh = st.shape;
  for (let k = oldestWindowOf(sh, s); k <= newestWindowOf(sh, s); k++) {
    if (st.out.opened.has(k)) continue;
    st.out.opened.add(k);
    ctx.trace?.({ type: 'opened', nodeId: ctx.nodeId, windowStart: windowStart(sh, k), windowEnd: windowEnd(sh, k), watermark: st.watermark });
  }
}

/** A row landed in slice s of windows that already fired: fire those still within allowed lateness again for its key. */
export function reviseFired(st: SlicedWindowState, ctx: OperatorContext, s: number, base: number, key: number): void {
  st.running.dirty = true;
  const sh = st.shape;
  if (oneSliceWindows(sh)) {
    // Tumbling: slice s is window s, and its cell is known, so no search through the live slices.
    if (s <= st.firedUpTo && windowLastMs(sh, s) + st.config.lateness > st.watermark) {
      st.out.oneBase[0] = base;
      emitRevision(st, ctx, s, key, st.out.oneBase);
    }
    return;
  }
  const newest = newestWindowOf(sh, s);
  for (let k = oldestWindowOf(sh, s); k <= Math.min(newest, st.firedUpTo); k++) {
    if (windowLastMs(sh, k) + st.config.lateness > st.watermark) emitRevision(st, ctx, k, key);
  }
}
