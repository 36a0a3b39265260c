/**
 * When a sliced window operator fires and forgets: the watermark's progress
 * against window ends and allowed lateness, kept as "the next watermark at
 * which anything needs doing" so the row loop checks one number per row.
 */
import type { OperatorContext } from '../operators/types';
import { ceilDiv, floorDiv } from '../time';
import { evictBeforeFree } from './runningWindow';
import { freeSlice } from './sliceStore';
import type { SlicedWindowState } from './slicedWindowOperator';
import { emitWindow, forgetFired } from './windowEmit';

export function windowEndMinusOne(st: SlicedWindowState, k: number): number {
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
export function advance(st: SlicedWindowState, ctx: OperatorContext, w: number): void {
  const before = st.watermark;
  st.watermark = w;
  const lastFire = lastFiredWindow(st, w);
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
  const firstLive = w === Infinity ? Infinity : floorDiv(w + 1 - st.config.lateness - st.config.offset - st.config.size, st.config.slide) + 1;
  const live = st.store.live;
  while (live.length > 0 && floorDiv(live[0]!, st.m) < firstLive) {
    evictBeforeFree(st.running, st.store, live[0]!);
    freeSlice(st.store, live[0]!);
  }
  for (const k of st.out.fired.keys()) {
    if (k >= firstLive) break;
    forgetFired(st.out, k);
    st.out.opened.delete(k);
    ctx.trace?.({ type: 'closed', nodeId: ctx.nodeId, windowStart: windowEndMinusOne(st, k) + 1 - st.config.size, windowEnd: windowEndMinusOne(st, k) + 1, watermark: w });
  }
  computeNextAction(st);
}

/** Traces the opening of the windows that slice s is the first of their slices to hold rows. */
export function traceOpened(st: SlicedWindowState, ctx: OperatorContext, s: number): void {
  for (let k = ceilDiv(s - st.n + 1, st.m); k <= floorDiv(s, st.m); k++) {
    if (st.out.opened.has(k)) continue;
    st.out.opened.add(k);
    const end = windowEndMinusOne(st, k) + 1;
    ctx.trace?.({ type: 'opened', nodeId: ctx.nodeId, windowStart: end - st.config.size, windowEnd: end, watermark: st.watermark });
  }
}
