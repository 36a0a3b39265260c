/**
 * detect.ewma: how many weighted standard deviations a value lies from its
 * key's exponentially weighted mean (before it). The mean and variance
 * follow the incremental form of Finch (2009): with d = x - mean,
 * mean += alpha d and variance = (1 - alpha)(variance + alpha d²), so recent
 * values weigh more and the detector follows a drifting level.
 */
import { isRoundingNoise } from './roundingNoise';
import type { DetectorAlgorithm } from './types';
import { distanceText, gaussianScore, halfUnitBand, halfUnitText } from './gaussian';

export class EwmaState {
  n = 0;
  mean = 0;
  variance = 0;
  lastMean = 0;
  lastStd = 0;
  /** The last value's distance in standard deviations, for its normal band. */
  lastZ = 0;
}

export function ewmaAlgorithm(alpha: number, sigmas: number): DetectorAlgorithm<EwmaState> {
  return {
    createState: () => new EwmaState(),
    score(s, value, _time, out) {
      if (s.n === 0) {
        out.score = 0;
        out.isAnomaly = false;
        s.mean = value;
        s.lastMean = value;
        s.lastStd = 0;
        s.lastZ = 0;
        s.n = 1;
        return;
      }
      const std = Math.sqrt(s.variance);
      const d = value - s.mean;
      const z = isRoundingNoise(Math.abs(d), s.mean) ? 0 : Math.abs(d) / std;
      out.score = gaussianScore(z);
      out.isAnomaly = z >= sigmas;
      s.lastMean = s.mean;
      s.lastStd = std;
      s.lastZ = z;
      s.mean += alpha * d;
      s.variance = (1 - alpha) * (s.variance + alpha * d * d);
      s.n++;
    },
    explain: (s, value) => distanceText(value, s.lastMean, s.lastStd, 'sigma', 'weighted mean'),
    normalBand: (s) => halfUnitBand(s.lastZ),
    normalText: (band) => halfUnitText(band, 'sigma', 'weighted mean'),
  };
}
