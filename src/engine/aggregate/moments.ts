/**
 * The partials of variance and stddev, kept so that no step cancels
 * catastrophically (README, "Numerics"). Of n present values: `shift`, one of
 * the values (the first one folded in); `shiftedMean`, the mean of
 * (x - shift); `m2`, the sum of squared deviations from the mean. A value is
 * added by Welford's update, two partials are combined by Chan, Golub and
 * LeVeque's pairwise formula.
 *
 * Why the shift: values near 1e12 are 2^-13 apart, so a mean kept as a
 * double near 1e12 is off by up to 2^-14, and every later deviation x - mean
 * inherits that error: with a spread of 1 the variance would keep only 4 or
 * 5 digits. Deviations from a value of the data are exact (Sterbenz) when the
 * data sit close together, and since the shift is one of the values,
 * |shiftedMean| <= sqrt(m2): nothing large is ever subtracted from something
 * large. Sums of squares (what this replaces) lost every digit there.
 */

/** Something holding the three moment partials (a FieldAcc, or the scratch of merges over arrays). */
export interface MomentParts {
  shift: number;
  shiftedMean: number;
  m2: number;
}

/** Scratch for combining partials kept in typed arrays. A class, not an object literal: see FastRun (window/fastFold). */
export class Moments implements MomentParts {
  shift = 0;
  shiftedMean = 0;
  m2 = 0;
}

/**
 * Welford's update: adds value x to partials of `n - 1` values (n counts x).
 * An empty partial has shiftedMean = m2 = 0; its first value becomes the shift.
 */
export function addMoment(a: MomentParts, n: number, x: number): void {
  if (n === 1) {
    a.shift = x;
    a.shiftedMean = 0;
    a.m2 = 0;
    return;
  }
  const d = x - a.shift;
  const delta = d - a.shiftedMean;
  const mean = a.shiftedMean + delta / n;
  a.shiftedMean = mean;
  a.m2 += delta * (d - mean);
}

/**
 * Chan et al.'s merge: folds the partials (shift, shiftedMean, m2) of nB
 * values into `a`, which holds nA values. `a` keeps its own shift (still one of
 * the merged values); the means' difference is taken as the difference of the
 * shifts (exact when they are close) plus that of the shifted means.
 */
export function mergeMoments(a: MomentParts, nA: number, nB: number, shift: number, shiftedMean: number, m2: number): void {
  if (nB === 0) return;
  if (nA === 0) {
    a.shift = shift;
    a.shiftedMean = shiftedMean;
    a.m2 = m2;
    return;
  }
  const n = nA + nB;
  const delta = (shift - a.shift) + (shiftedMean - a.shiftedMean);
  a.shiftedMean += delta * (nB / n);
  a.m2 += m2 + delta * delta * ((nA * nB) / n);
}

/** The sample variance (n - 1) of n values with sum of squared deviations m2: NaN below two values, never negative. */
export function sampleVariance(n: number, m2: number): number {
  return n < 2 ? NaN : Math.max(0, m2 / (n - 1));
}
