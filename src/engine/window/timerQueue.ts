import { createTimerHeap, filterHeapTimers, heapIsFull, popHeapTimer, pushHeapTimer, type TimerHeap } from './timerHeap';

/**
 * Timers for numbered slots, at most one pending per slot: setting a slot's
 * timer replaces the one it had. Timers pop in order of time, then of when
 * they were set, so the order depends only on the sequence of calls.
 *
 * Event time mostly moves forward, so most timers are set no earlier than the
 * last one set: those go to a FIFO ring (an append, and popping reads it in
 * order), and only the others to a heap. A binary heap of a timer per session
 * of 100,000 keys cost a dozen cache misses per pop. Replaced and cleared
 * timers stay where they are and are skipped when they reach the front: a
 * timer is live while `pending[slot]` still holds its seq. Plain data.
 */
export class TimerQueue {
  /** Ring entry i (absolute) is at 3 * (i & mask): time, seq, slot. */
  ring: Float64Array = new Float64Array(3 * 64);
  mask = 63;
  head = 0;
  tail = 0;
  readonly heap: TimerHeap = createTimerHeap();
  /** Per slot, the seq of its pending timer, or -1. */
  pending: Float64Array = new Float64Array(64).fill(-1);
  /** Timers set so far: the next timer's seq. */
  seq = 0;
  /** The timer the last popTimer removed. */
  poppedAt = NaN;
  poppedSlot = -1;
}

/** Creates an empty queue (a class instance, not an object literal: see FastRun in fastFold). */
export function createTimerQueue(): TimerQueue {
  return new TimerQueue();
}

function isLive(q: TimerQueue, seq: number, slot: number): boolean {
  return q.pending[slot] === seq;
}

/**
 * Called when the ring is full: drops dead entries when at least three
 * quarters are dead, otherwise doubles it. Compacting at half dead would,
 * with a ring a bit smaller than the timers set within one gap, compact
 * again and again; at three quarters each compaction frees room for at least
 * three times the timers it keeps, and memory stays within four times them.
 */
function makeRoom(q: TimerQueue): void {
  const capacity = q.mask + 1;
  const old = q.ring;
  let live = 0;
  for (let i = q.head; i < q.tail; i++) {
    const p = 3 * (i & q.mask);
    if (isLive(q, old[p + 1]!, old[p + 2]!)) live++;
  }
  const ring = 4 * live <= capacity ? old : new Float64Array(6 * capacity);
  const mask = ring === old ? q.mask : 2 * capacity - 1;
  // Copying in order keeps the ring's (time, seq) order; when compacting in place the write position never passes the read position.
  let n = 0;
  for (let i = q.head; i < q.tail; i++) {
    const p = 3 * (i & q.mask);
    if (!isLive(q, old[p + 1]!, old[p + 2]!)) continue;
    const w = 3 * ((q.head + n) & mask);
    ring[w] = old[p]!;
    ring[w + 1] = old[p + 1]!;
    ring[w + 2] = old[p + 2]!;
    n++;
  }
  q.ring = ring;
  q.mask = mask;
  q.tail = q.head + n;
}

/**
 * Called when the heap is full: filters out dead timers when at least three
 * quarters are dead (otherwise the push doubles the heap), as makeRoom does
 * for the ring.
 */
function dropDeadHeapTimers(q: TimerQueue): void {
  const h = q.heap;
  let live = 0;
  for (let i = 0; i < h.size; i++) if (isLive(q, h.nodes[3 * i + 1]!, h.nodes[3 * i + 2]!)) live++;
  if (4 * live <= h.size) filterHeapTimers(h, (seq, slot) => isLive(q, seq, slot));
}

/** Sets slot's timer to fire at `at`, replacing any pending one. */
export function setTimer(q: TimerQueue, slot: number, at: number): void {
  if (slot >= q.pending.length) {
    const pending = new Float64Array(Math.max(slot + 1, 2 * q.pending.length)).fill(-1);
    pending.set(q.pending);
    q.pending = pending;
  }
  const seq = q.seq++;
  q.pending[slot] = seq;
  if (q.tail > q.head && q.ring[3 * ((q.tail - 1) & q.mask)]! > at) {
    if (heapIsFull(q.heap)) dropDeadHeapTimers(q);
    pushHeapTimer(q.heap, at, seq, slot);
    return;
  }
  if (q.tail - q.head === q.mask + 1) makeRoom(q);
  const p = 3 * (q.tail & q.mask);
  q.ring[p] = at;
  q.ring[p + 1] = seq;
  q.ring[p + 2] = slot;
  q.tail++;
}

/** Cancels slot's pending timer, if any. */
export function clearTimer(q: TimerQueue, slot: number): void {
  if (slot < q.pending.length) q.pending[slot] = -1;
}

/** Skips dead timers at the front of the ring and the heap. */
function settle(q: TimerQueue): void {
  const { ring, mask } = q;
  while (q.head < q.tail) {
    const p = 3 * (q.head & mask);
    if (isLive(q, ring[p + 1]!, ring[p + 2]!)) break;
    q.head++;
  }
  const h = q.heap;
  while (h.size > 0 && !isLive(q, h.nodes[1]!, h.nodes[2]!)) popHeapTimer(h);
}

/** Time of the earliest pending timer, or Infinity. */
export function nextTimerAt(q: TimerQueue): number {
  settle(q);
  const ringAt = q.head < q.tail ? q.ring[3 * (q.head & q.mask)]! : Infinity;
  return q.heap.size > 0 ? Math.min(ringAt, q.heap.nodes[0]!) : ringAt;
}

/** Whether a timer is due at watermark w (an empty queue has none, even at w = +Infinity). */
export function hasTimerDue(q: TimerQueue, w: number): boolean {
  settle(q);
  return (q.head < q.tail && q.ring[3 * (q.head & q.mask)]! <= w) || (q.heap.size > 0 && q.heap.nodes[0]! <= w);
}

/** Removes the earliest pending timer into q.poppedAt and q.poppedSlot; call only when one is pending. */
export function popTimer(q: TimerQueue): void {
  settle(q);
  const h = q.heap;
  let fromRing = q.head < q.tail;
  if (fromRing && h.size > 0) {
    const p = 3 * (q.head & q.mask);
    const at = q.ring[p]!;
    fromRing = at < h.nodes[0]! || (at === h.nodes[0]! && q.ring[p + 1]! < h.nodes[1]!);
  }
  if (fromRing) {
    const p = 3 * (q.head & q.mask);
    q.poppedAt = q.ring[p]!;
    q.poppedSlot = q.ring[p + 2]!;
    q.head++;
  } else {
    popHeapTimer(h);
    q.poppedAt = h.poppedAt;
    q.poppedSlot = h.poppedSlot;
  }
  q.pending[q.poppedSlot] = -1;
}
