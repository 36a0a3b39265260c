/**
 * detect.zscore: how many standard deviations a value lies from the mean of
 * its key's last `window` values (before it). The mean and variance are kept
 * by Welford's updates as values enter and leave the window, and recomputed
 * from the window once per `window` values so rounding cannot pile up.
 */
import { isRoundingNoise } from './roundingNoise';
import type { DetectorAlgorithm } from './types';
import { distanceText, halfUnitBand, halfUnitText, gaussianScore } from './gaussian';

export class ZscoreState {
  /** The last values, a ring: `head` is the oldest once full. */
  ring: Float64Array;
  head = 0;
  n = 0;
  mean = 0;
  /** Sum of squared deviations from `mean`. */
  m2 = 0;
  /** Values since the last exact recomputation. */
  sinceExact = 0;
  /** The mean and standard deviation the last value was judged against, for explain. */
  lastMean = 0;
  lastStd = 0;
  /** The last value's distance in standard deviations, for its normal band. */
  lastZ = 0;
  constructor(window: number) {
    this.ring = new Float64Array(window);
  }
}

function recompute(s: ZscoreState): void {
  const n = s.n;
  const size = s.ring.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += s.ring[(s.head + i) % size]!;
  const mean = sum / n;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const d = s.ring[(s.head + i) % size]! - mean;
    m2 += d * d;
  }
  s.mean = mean;
  s.m2 = m2;
  s.sinceExact = 0;
}

/** Adds `x` to the window, dropping the oldest value when full. */
function learn(s: ZscoreState, x: number): void {
  const size = s.ring.length;
  if (s.n === size) {
    const old = s.ring[s.head]!;
    s.ring[s.head] = x;
    s.head = s.head + 1 === size ? 0 : s.head + 1;
    // Replace old by x: the mean moves by (x - old)/n, M2 by (x - old)(x - newMean + old - oldMean).
    const mean = s.mean + (x - old) / size;
    s.m2 += (x - old) * (x - mean + old - s.mean);
    s.mean = mean;
  } else {
    s.ring[(s.head + s.n) % size] = x;
    s.n++;
    const d = x - s.mean;
    s.mean += d / s.n;
    s.m2 += d * (x - s.mean);
  }
  if (s.m2 < 0) s.m2 = 0;
  if (++s.sinceExact >= size) recompute(s);
}

export function zscoreAlgorithm(window: number, sigmas: number): DetectorAlgorithm<ZscoreState> {
  return {
    createState: () => new ZscoreState(window),
    score(s, value, _time, out) {
      if (s.n < 2) {
        out.score = 0;
        out.isAnomaly = false;
        s.lastMean = s.n === 1 ? s.mean : value;
        s.lastStd = 0;
        s.lastZ = 0;
      } else {
        const std = Math.sqrt(s.m2 / s.n);
        const d = Math.abs(value - s.mean);
        // Below a relative rounding error a difference from the mean is no difference.
        const z = isRoundingNoise(d, s.mean) ? 0 : d / std;
        out.score = gaussianScore(z);
        out.isAnomaly = z >= sigmas;
        s.lastMean = s.mean;
        s.lastStd = std;
        s.lastZ = z;
      }
      learn(s, value);
    },
    explain: (s, value) => distanceText(value, s.lastMean, s.lastStd, 'sigma', 'rolling mean'),
    normalBand: (s) => halfUnitBand(s.lastZ),
    normalText: (band) => halfUnitText(band, 'sigma', 'rolling mean'),
  };
}
