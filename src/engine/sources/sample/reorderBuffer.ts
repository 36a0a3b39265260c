/**
 * Events waiting to be delivered out of order: a pool of row slots plus a binary
 * min-heap of slot numbers ordered by (delivery key, sequence number).
 *
 * Everything is typed arrays and numbers, so it can be snapshotted. The pool
 * only holds events inside the delay window, so it stays small on unbounded streams.
 */
import type { RowSink } from './types';

/** The pool and heap; slot arrays are replaced (doubled) as the pool grows. */
export interface ReorderBuffer extends RowSink {
  capacity: number;
  /** Delivery key of each slot: event time plus delay. */
  key: Float64Array;
  /** Event index of each slot: ties on the key deliver in generation order. */
  seq: Float64Array;
  ts: Float64Array;
  num: Float64Array[];
  ids: Int32Array[];
  heap: Int32Array;
  size: number;
  /** Stack of free slots: `free[0 .. freeCount)`. */
  free: Int32Array;
  freeCount: number;
}

/** An empty buffer for rows with `numCount` number fields and `idCount` string fields. */
export function createReorderBuffer(numCount: number, idCount: number, capacity = 64): ReorderBuffer {
  const free = new Int32Array(capacity);
  for (let i = 0; i < capacity; i++) free[i] = capacity - 1 - i;
  return {
    capacity,
    key: new Float64Array(capacity),
    seq: new Float64Array(capacity),
    ts: new Float64Array(capacity),
    num: Array.from({ length: numCount }, () => new Float64Array(capacity)),
    ids: Array.from({ length: idCount }, () => new Int32Array(capacity)),
    heap: new Int32Array(capacity),
    size: 0,
    free,
    freeCount: capacity,
  };
}

function grown<T extends Float64Array | Int32Array>(array: T, make: (n: number) => T, capacity: number): T {
  const next = make(capacity);
  next.set(array);
  return next;
}

/** Takes a free slot, doubling the pool when it is full. */
export function allocateSlot(buf: ReorderBuffer): number {
  if (buf.freeCount === 0) {
    const old = buf.capacity;
    const capacity = old * 2;
    const f64 = (n: number): Float64Array => new Float64Array(n);
    const i32 = (n: number): Int32Array => new Int32Array(n);
    buf.key = grown(buf.key, f64, capacity);
    buf.seq = grown(buf.seq, f64, capacity);
    buf.ts = grown(buf.ts, f64, capacity);
    buf.num = buf.num.map((a) => grown(a, f64, capacity));
    buf.ids = buf.ids.map((a) => grown(a, i32, capacity));
    buf.heap = grown(buf.heap, i32, capacity);
    buf.free = new Int32Array(capacity);
    for (let i = 0; i < capacity - old; i++) buf.free[i] = capacity - 1 - i;
    buf.freeCount = capacity - old;
    buf.capacity = capacity;
  }
  buf.freeCount--;
  return buf.free[buf.freeCount]!;
}

function before(buf: ReorderBuffer, a: number, b: number): boolean {
  const ka = buf.key[a]!;
  const kb = buf.key[b]!;
  return ka < kb || (ka === kb && buf.seq[a]! < buf.seq[b]!);
}

/** Adds a filled slot to the heap. */
export function pushSlot(buf: ReorderBuffer, slot: number): void {
  const heap = buf.heap;
  let i = buf.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!before(buf, slot, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = slot;
}

/** Removes the first slot from the heap (the caller has read it) and frees it. */
export function popSlot(buf: ReorderBuffer): void {
  const heap = buf.heap;
  const top = heap[0]!;
  const last = heap[--buf.size]!;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= buf.size) break;
    const right = child + 1;
    if (right < buf.size && before(buf, heap[right]!, heap[child]!)) child = right;
    if (!before(buf, heap[child]!, last)) break;
    heap[i] = heap[child]!;
    i = child;
  }
  if (buf.size > 0) heap[i] = last;
  buf.free[buf.freeCount++] = top;
}
