/**
 * A binary min-heap of timers (time, seq, slot), ordered by time and then by
 * seq, so it is plain data and pushing or popping allocates nothing. Seqs are
 * unique, so the pop order is a total order that does not depend on the
 * heap's shape (and so not on how pushes and pops interleaved).
 */
export class TimerHeap {
  /**
   * Node i is entries 3i (time), 3i + 1 (seq), 3i + 2 (slot): interleaved so
   * a step down the heap touches one cache line, not three arrays.
   */
  nodes: Float64Array = new Float64Array(3 * 64);
  size = 0;
  /** The timer the last popHeapTimer removed (fields, not a fresh object, so popping allocates nothing). */
  poppedAt = NaN;
  poppedSeq = NaN;
  poppedSlot = -1;
}

/** Creates an empty heap (a class instance, not an object literal: see FastRun in fastFold). */
export function createTimerHeap(): TimerHeap {
  return new TimerHeap();
}

function before(a: Float64Array, i: number, at: number, seq: number): boolean {
  const t = a[3 * i]!;
  return t < at || (t === at && a[3 * i + 1]! < seq);
}

function siftDown(a: Float64Array, size: number, from: number, at: number, seq: number, slot: number): void {
  let i = from;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    const child = r < size && before(a, r, a[3 * l]!, a[3 * l + 1]!) ? r : l;
    if (!before(a, child, at, seq)) break;
    a[3 * i] = a[3 * child]!;
    a[3 * i + 1] = a[3 * child + 1]!;
    a[3 * i + 2] = a[3 * child + 2]!;
    i = child;
  }
  a[3 * i] = at;
  a[3 * i + 1] = seq;
  a[3 * i + 2] = slot;
}

/** Whether the heap is full (the next push would grow it). */
export function heapIsFull(h: TimerHeap): boolean {
  return 3 * h.size === h.nodes.length;
}

/** Adds a timer; `seq` must be unique among the heap's timers. */
export function pushHeapTimer(h: TimerHeap, at: number, seq: number, slot: number): void {
  if (heapIsFull(h)) {
    const grown = new Float64Array(h.nodes.length * 2);
    grown.set(h.nodes);
    h.nodes = grown;
  }
  const a = h.nodes;
  // Sift up by moving parents down into the hole: the same order as swapping, without the swaps.
  let i = h.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (before(a, parent, at, seq)) break;
    a[3 * i] = a[3 * parent]!;
    a[3 * i + 1] = a[3 * parent + 1]!;
    a[3 * i + 2] = a[3 * parent + 2]!;
    i = parent;
  }
  a[3 * i] = at;
  a[3 * i + 1] = seq;
  a[3 * i + 2] = slot;
}

/** Removes the earliest timer into h.poppedAt, h.poppedSeq and h.poppedSlot; the heap must not be empty. */
export function popHeapTimer(h: TimerHeap): void {
  const a = h.nodes;
  h.poppedAt = a[0]!;
  h.poppedSeq = a[1]!;
  h.poppedSlot = a[2]!;
  const last = --h.size;
  siftDown(a, last, 0, a[3 * last]!, a[3 * last + 1]!, a[3 * last + 2]!);
}

/**
 * Keeps only the timers `keep(seq, slot)` accepts and restores the heap
 * (bottom-up, linear time). The pop order of the kept timers is unchanged,
 * since it depends only on (time, seq).
 */
export function filterHeapTimers(h: TimerHeap, keep: (seq: number, slot: number) => boolean): void {
  const a = h.nodes;
  let n = 0;
  for (let i = 0; i < h.size; i++) {
    if (!keep(a[3 * i + 1]!, a[3 * i + 2]!)) continue;
    a[3 * n] = a[3 * i]!;
    a[3 * n + 1] = a[3 * i + 1]!;
    a[3 * n + 2] = a[3 * i + 2]!;
    n++;
  }
  h.size = n;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(a, n, i, a[3 * i]!, a[3 * i + 1]!, a[3 * i + 2]!);
}
