/**
 * A binary min-heap of timers (time, key, tag), so it is plain data and
 * pushing or popping allocates nothing. Timers may go stale; their owner
 * checks them when they pop.
 */
export interface TimerHeap {
  /**
   * Node i is entries 3i (time), 3i + 1 (key), 3i + 2 (tag): interleaved so a
   * step down the heap touches one cache line, not three arrays (a session
   * window over 100,000 keys keeps tens of thousands of timers).
   */
  nodes: Float64Array;
  size: number;
  /** The timer the last popTimer removed (fields, not a fresh object, so popping allocates nothing). */
  poppedAt: number;
  poppedKey: number;
  poppedTag: number;
}

/** Creates an empty heap. */
export function createTimerHeap(): TimerHeap {
  return { nodes: new Float64Array(3 * 64), size: 0, poppedAt: NaN, poppedKey: -1, poppedTag: NaN };
}

/** Adds a timer. */
export function pushTimer(h: TimerHeap, at: number, key: number, tag: number): void {
  if (3 * h.size === h.nodes.length) {
    const grown = new Float64Array(h.nodes.length * 2);
    grown.set(h.nodes);
    h.nodes = grown;
  }
  const a = h.nodes;
  // Sift up by moving parents down into the hole: the same order as swapping, without the swaps.
  let i = h.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (a[3 * parent]! <= at) break;
    a[3 * i] = a[3 * parent]!;
    a[3 * i + 1] = a[3 * parent + 1]!;
    a[3 * i + 2] = a[3 * parent + 2]!;
    i = parent;
  }
  a[3 * i] = at;
  a[3 * i + 1] = key;
  a[3 * i + 2] = tag;
}

/** Time of the earliest timer, or Infinity. */
export function peekTime(h: TimerHeap): number {
  return h.size === 0 ? Infinity : h.nodes[0]!;
}

/** Whether a timer is due at watermark w (an empty heap has none, even at w = +Infinity). */
export function hasTimerDue(h: TimerHeap, w: number): boolean {
  return h.size > 0 && h.nodes[0]! <= w;
}

/** Removes the earliest timer into h.poppedAt, h.poppedKey and h.poppedTag. */
export function popTimer(h: TimerHeap): void {
  const a = h.nodes;
  h.poppedAt = a[0]!;
  h.poppedKey = a[1]!;
  h.poppedTag = a[2]!;
  const last = --h.size;
  const at = a[3 * last]!;
  const key = a[3 * last + 1]!;
  const tag = a[3 * last + 2]!;
  // The last timer goes to the root and sifts down: ties keep the order a swapping heap gives them.
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    let smallestAt = at;
    if (l < last && a[3 * l]! < smallestAt) {
      smallest = l;
      smallestAt = a[3 * l]!;
    }
    if (r < last && a[3 * r]! < smallestAt) smallest = r;
    if (smallest === i) break;
    a[3 * i] = a[3 * smallest]!;
    a[3 * i + 1] = a[3 * smallest + 1]!;
    a[3 * i + 2] = a[3 * smallest + 2]!;
    i = smallest;
  }
  a[3 * i] = at;
  a[3 * i + 1] = key;
  a[3 * i + 2] = tag;
}
