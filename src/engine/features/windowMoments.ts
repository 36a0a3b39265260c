/**
 * The mean and variance of a sliding window, as values enter and leave it.
 *
 * Welford's update run backwards (to remove a value) lets rounding pile up:
 * after a window of -13 and -90 turned into -90 and -90 it reported a
 * standard deviation of 6.7e-7, not 0, and a flat signal must read as flat.
 * So the window keeps, relative to a shift `c` that is always one of its own
 * values, S1 = sum(x - c) and S2 = sum((x - c)^2), each as a double-double
 * sum (TwoSum), so taking a value out cancels what putting it in added, to
 * about 2^-106 of the largest value the window held meanwhile. When the
 * shift's own entry leaves, the sums are rebuilt from the window around its
 * newest value: each entry pays for one
 * rebuild step at most once, so the cost stays O(1) amortised.
 *
 * Why a value of the window as the shift: then |S1/n| is at most the
 * window's spread, so S2 - S1^2/n never subtracts two large numbers whose
 * difference the data does not already hold, and a window of equal values
 * has every x - c exactly 0 (a variance of exactly 0).
 */

export interface WindowMoments {
  /** One of the window's values; the sums are of differences from it. */
  shift: number;
  /** How many window entries lie before the shift's entry (older, or earlier in event time). */
  shiftAhead: number;
  s1: number;
  s1Err: number;
  s2: number;
  s2Err: number;
}

export function emptyMoments(): WindowMoments {
  return { shift: 0, shiftAhead: 0, s1: 0, s1Err: 0, s2: 0, s2Err: 0 };
}

/**
 * Counts `x` in: `n` is the window size with x in it, `before` how many
 * entries lie before x's entry (its position from the window's start).
 */
export function addMoment(m: WindowMoments, n: number, before: number, x: number): void {
  if (n === 1) {
    reset(m, x, 0);
    return;
  }
  if (before <= m.shiftAhead) m.shiftAhead++;
  accumulate(m, x - m.shift, 1);
}

/**
 * Takes the window's oldest entry `x` out; `values[from, to)` is the window
 * after it left. When x was the shift's own entry, the sums are rebuilt.
 */
export function removeOldestMoment(m: WindowMoments, x: number, values: Float64Array, from: number, to: number): void {
  if (m.shiftAhead > 0) {
    m.shiftAhead--;
    accumulate(m, x - m.shift, -1);
    return;
  }
  if (to === from) {
    reset(m, 0, 0);
    return;
  }
  reset(m, values[to - 1]!, to - 1 - from);
  for (let i = from; i < to - 1; i++) accumulate(m, values[i]! - m.shift, 1);
}

/** The window's mean; NaN when it is empty. */
export function momentsMean(m: WindowMoments, n: number): number {
  return n > 0 ? m.shift + (m.s1 + m.s1Err) / n : NaN;
}

/** The sum of squared deviations from the mean (never negative). */
export function momentsM2(m: WindowMoments, n: number): number {
  if (n === 0) return 0;
  const s1 = m.s1 + m.s1Err;
  const m2 = m.s2 + m.s2Err - (s1 * s1) / n;
  return m2 > 0 ? m2 : 0;
}

function reset(m: WindowMoments, shift: number, shiftAhead: number): void {
  m.shift = shift;
  m.shiftAhead = shiftAhead;
  m.s1 = m.s1Err = m.s2 = m.s2Err = 0;
}

/**
 * Adds sign * d to S1 and sign * d^2 to S2, each a normalised double-double
 * (Knuth's TwoSum, then a fast renormalisation; inlined, as this runs per
 * record). Unnormalised, an error term of one sign beside a head of the
 * other lost low bits (a window of 0, 0 and -1.48e-150 read a mean off in
 * its 15th digit). A double-double holds about 32 digits: values in one
 * window that differ by more than that in magnitude keep the larger ones'.
 */
function accumulate(m: WindowMoments, d: number, sign: 1 | -1): void {
  const a = sign * d;
  let s = m.s1 + a;
  let back = s - m.s1;
  let err = (m.s1 - (s - back)) + (a - back) + m.s1Err;
  m.s1 = s + err;
  m.s1Err = err - (m.s1 - s);
  const b = a * d;
  s = m.s2 + b;
  back = s - m.s2;
  err = (m.s2 - (s - back)) + (b - back) + m.s2Err;
  m.s2 = s + err;
  m.s2Err = err - (m.s2 - s);
}
