/**
 * The last `capacity` values of one key, kept twice: in arrival order (a ring,
 * to know which value leaves) and sorted (to read any quantile in O(1)). A new
 * value costs two binary searches and one shift of at most `capacity` slots,
 * which for the windows detectors use (hundreds to thousands) beats a heap or
 * tree pair and stays plain data (two typed arrays and numbers) for snapshots.
 */

/** Plain data: snapshots copy it as it is. */
export interface SlidingValues {
  /** Arrival order; slot `head` is the oldest once the window is full. */
  ring: Float64Array;
  /** The same values ascending, in slots [0, count). */
  sorted: Float64Array;
  count: number;
  head: number;
}

export function createSlidingValues(capacity: number): SlidingValues {
  return { ring: new Float64Array(capacity), sorted: new Float64Array(capacity), count: 0, head: 0 };
}

/** The first slot of `sorted[0, count)` whose value is >= `value`. */
function lowerBound(sorted: Float64Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds `value`, dropping the oldest when the window is full. */
export function pushSliding(w: SlidingValues, value: number): void {
  const capacity = w.ring.length;
  const sorted = w.sorted;
  if (w.count === capacity) {
    const old = w.ring[w.head]!;
    w.ring[w.head] = value;
    w.head = w.head + 1 === capacity ? 0 : w.head + 1;
    // Replace the old value by the new one with one shift between their two slots.
    const from = lowerBound(sorted, capacity, old);
    const to = lowerBound(sorted, capacity, value);
    if (to > from) {
      sorted.copyWithin(from, from + 1, to);
      sorted[to - 1] = value;
    } else {
      sorted.copyWithin(to + 1, to, from);
      sorted[to] = value;
    }
    return;
  }
  w.ring[(w.head + w.count) % capacity] = value;
  const at = lowerBound(sorted, w.count, value);
  sorted.copyWithin(at + 1, at, w.count);
  sorted[at] = value;
  w.count++;
}

/** The `q` quantile of the window (linear interpolation between order statistics, like numpy's default); NaN when empty. */
export function slidingQuantile(w: SlidingValues, q: number): number {
  const n = w.count;
  if (n === 0) return NaN;
  const h = q * (n - 1);
  const lo = Math.floor(h);
  const below = w.sorted[lo]!;
  if (lo + 1 >= n) return below;
  return below + (h - lo) * (w.sorted[lo + 1]! - below);
}
