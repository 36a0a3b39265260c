/**
 * A key's last `size` values, kept both in arrival order (a ring, to know
 * which value leaves) and sorted (for quantiles and the median absolute
 * deviation). Entering and leaving cost a binary search and one move of the
 * values between the two positions (copyWithin, a memmove), which for the
 * windows a detector uses (up to 10 000) beats a tree's pointer chasing.
 */
export class SortedWindow {
  ring: Float64Array;
  sorted: Float64Array;
  head = 0;
  n = 0;
  constructor(size: number) {
    this.ring = new Float64Array(size);
    this.sorted = new Float64Array(size);
  }
}

/** The first index in sorted[0, n) whose value is not below `x`. */
export function lowerBound(sorted: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds `x`, dropping the oldest value when the window is full. */
export function pushValue(w: SortedWindow, x: number): void {
  const size = w.ring.length;
  const s = w.sorted;
  if (w.n === size) {
    const old = w.ring[w.head]!;
    w.ring[w.head] = x;
    w.head = w.head + 1 === size ? 0 : w.head + 1;
    // One move instead of two: the values between the leaving and the entering slot shift by one.
    const from = lowerBound(s, size, old);
    const to = lowerBound(s, size, x);
    if (to > from) {
      s.copyWithin(from, from + 1, to);
      s[to - 1] = x;
    } else {
      s.copyWithin(to + 1, to, from);
      s[to] = x;
    }
    return;
  }
  w.ring[(w.head + w.n) % size] = x;
  const at = lowerBound(s, w.n, x);
  s.copyWithin(at + 1, at, w.n);
  s[at] = x;
  w.n++;
}

/**
 * The `p` quantile of sorted[0, n), n > 0: linear interpolation between the two nearest order
 * statistics (numpy's default, DuckDB's quantile_cont). The rolling features use it too.
 */
export function sortedQuantile(sorted: Float64Array, n: number, p: number): number {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  return lo === hi ? a : a + (h - lo) * (sorted[hi]! - a);
}

/** The `p` quantile of the window; n > 0. */
export function quantile(w: SortedWindow, p: number): number {
  return sortedQuantile(w.sorted, w.n, p);
}

/**
 * The median of |x - m| over the window: the deviations below m and those
 * above it are two sorted runs walking out from m, merged up to the middle.
 */
export function medianAbsoluteDeviation(w: SortedWindow, m: number): number {
  const s = w.sorted;
  const n = w.n;
  let below = lowerBound(s, n, m) - 1;
  let above = below + 1;
  const mid = (n - 1) >> 1;
  // Takes the next smallest deviation `mid + 1` times (twice more for an even count's second middle value).
  let a = 0;
  let b = 0;
  for (let i = 0; i <= mid + 1; i++) {
    const dl = below >= 0 ? m - s[below]! : Infinity;
    const da = above < n ? s[above]! - m : Infinity;
    let d: number;
    if (dl <= da) {
      d = dl;
      below--;
    } else {
      d = da;
      above++;
    }
    if (i === mid) a = d;
    else if (i === mid + 1) b = d;
  }
  return n % 2 === 1 ? a : (a + b) / 2;
}

/** The mean of |x - m| over the window. */
export function meanAbsoluteDeviation(w: SortedWindow, m: number): number {
  let sum = 0;
  for (let i = 0; i < w.n; i++) sum += Math.abs(w.sorted[i]! - m);
  return sum / w.n;
}
