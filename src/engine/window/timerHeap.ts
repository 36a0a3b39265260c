/**
 * A binary min-heap of timers (time, key, tag) in plain arrays, so it is
 * plain data. Timers may go stale; their owner checks them when they pop.
 */
export interface TimerHeap {
  at: number[];
  key: number[];
  tag: number[];
}

/** Creates an empty heap. */
export function createTimerHeap(): TimerHeap {
  return { at: [], key: [], tag: [] };
}

function swap(h: TimerHeap, i: number, j: number): void {
  const { at, key, tag } = h;
  [at[i], at[j]] = [at[j]!, at[i]!];
  [key[i], key[j]] = [key[j]!, key[i]!];
  [tag[i], tag[j]] = [tag[j]!, tag[i]!];
}

/** Adds a timer. */
export function pushTimer(h: TimerHeap, at: number, key: number, tag: number): void {
  h.at.push(at);
  h.key.push(key);
  h.tag.push(tag);
  let i = h.at.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (h.at[parent]! <= h.at[i]!) break;
    swap(h, i, parent);
    i = parent;
  }
}

/** Time of the earliest timer, or Infinity. */
export function peekTime(h: TimerHeap): number {
  return h.at.length === 0 ? Infinity : h.at[0]!;
}

/** Whether a timer is due at watermark w (an empty heap has none, even at w = +Infinity). */
export function hasTimerDue(h: TimerHeap, w: number): boolean {
  return h.at.length > 0 && h.at[0]! <= w;
}

/** Removes the earliest timer and returns its key and tag. */
export function popTimer(h: TimerHeap): { at: number; key: number; tag: number } {
  const top = { at: h.at[0]!, key: h.key[0]!, tag: h.tag[0]! };
  const last = h.at.length - 1;
  swap(h, 0, last);
  h.at.pop();
  h.key.pop();
  h.tag.pop();
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    if (l < last && h.at[l]! < h.at[smallest]!) smallest = l;
    if (r < last && h.at[r]! < h.at[smallest]!) smallest = r;
    if (smallest === i) break;
    swap(h, i, smallest);
    i = smallest;
  }
  return top;
}
