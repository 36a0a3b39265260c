/**
 * detect.mad: robust distance from the key's last `window` values (before
 * the one judged), which a few outliers in the window cannot drag along.
 * - mad: |x - median| in robust standard deviations, 1.4826 MAD (the
 *   modified z-score of Iglewicz and Hoaglin; 3.5 is their usual limit);
 * - iqr: the distance outside the quartiles in interquartile ranges
 *   (Tukey's fences: 1.5 is "outside", 3 "far out").
 * The scale is never less than the one the window's 10% to 90% quantile
 * spread implies (a Gaussian's sigma either way): where half the window is
 * *nearly* one value (one level of a two-level or daily series, a quantised
 * reading) the MAD and IQR are tiny, and every value of the other half lay
 * hundreds of "sigmas" out (NAB's corpus scored 2.18). The spread ignores up
 * to a tenth of the window, so a few outliers still cannot drag the scale.
 * Where even that spread is 0 (most of the window one value) the scale falls
 * back to 1.2533 times the mean absolute deviation, as IBM's modified z-score
 * does, so one different value is not infinitely far.
 */
import { isRoundingNoise } from './roundingNoise';
import type { DetectorAlgorithm } from './types';
import { distanceText, formatValue, gaussianScore, halfUnitBand, halfUnitText } from './gaussian';
import { meanAbsoluteDeviation, medianAbsoluteDeviation, pushValue, quantile, SortedWindow } from './sortedWindow';

/** MAD and IQR of a Gaussian in standard deviations. */
const MAD_PER_SIGMA = 0.6744897501960817;
const IQR_PER_SIGMA = 1.3489795003921634;
/** The 10% to 90% quantile spread of a Gaussian in standard deviations. */
const DECILE_SPREAD_PER_SIGMA = 2.563103131089201;
/** Mean absolute deviation of a Gaussian in standard deviations is sqrt(2/pi). */
const MEAN_AD_PER_SIGMA = 0.7978845608028654;

export class MadState {
  window: SortedWindow;
  /** What the last value was judged against, for explain. */
  lastCenter = 0;
  lastLow = 0;
  lastHigh = 0;
  lastScale = 0;
  lastDistance = 0;
  constructor(size: number) {
    this.window = new SortedWindow(size);
  }
}

export type MadMethod = 'mad' | 'iqr';

export function madAlgorithm(window: number, method: MadMethod, limit: number): DetectorAlgorithm<MadState> {
  const iqr = method === 'iqr';
  return {
    createState: () => new MadState(window),
    score(s, value, _time, out) {
      const w = s.window;
      if (w.n < 2) {
        out.score = 0;
        out.isAnomaly = false;
        s.lastCenter = s.lastLow = s.lastHigh = w.n === 1 ? w.sorted[0]! : value;
        s.lastScale = s.lastDistance = 0;
        pushValue(w, value);
        return;
      }
      const median = quantile(w, 0.5);
      // A robust standard deviation: from the MAD or the IQR, at least the deciles' one, else from the mean absolute deviation.
      const robust = iqr ? (quantile(w, 0.75) - quantile(w, 0.25)) / IQR_PER_SIGMA : medianAbsoluteDeviation(w, median) / MAD_PER_SIGMA;
      let sigma = Math.max(robust, (quantile(w, 0.9) - quantile(w, 0.1)) / DECILE_SPREAD_PER_SIGMA);
      if (sigma === 0) sigma = meanAbsoluteDeviation(w, median) / MEAN_AD_PER_SIGMA;
      const dev = Math.abs(value - median);
      const z = isRoundingNoise(dev, median) ? 0 : dev / sigma;
      if (iqr) {
        const q1 = quantile(w, 0.25);
        const q3 = quantile(w, 0.75);
        // The same floor as sigma's: a near-empty IQR does not put the other half of the window far out.
        const range = Math.max(q3 - q1, sigma * IQR_PER_SIGMA);
        const beyond = value > q3 ? value - q3 : value < q1 ? q1 - value : 0;
        const outside = isRoundingNoise(beyond, value > q3 ? q3 : q1) ? 0 : beyond;
        const d = outside === 0 ? 0 : outside / range;
        // The Gaussian equivalent of d: the quartile lies 0.6745 sigma out, an IQR is 1.349 sigma.
        const zq = outside === 0 ? Math.min(MAD_PER_SIGMA, z) : MAD_PER_SIGMA + IQR_PER_SIGMA * d;
        out.score = gaussianScore(zq);
        out.isAnomaly = d >= limit;
        s.lastLow = q1;
        s.lastHigh = q3;
        s.lastScale = range;
        s.lastDistance = d;
      } else {
        out.score = gaussianScore(z);
        out.isAnomaly = z >= limit;
        s.lastScale = sigma;
        s.lastDistance = z;
      }
      s.lastCenter = median;
      pushValue(w, value);
    },
    explain(s, value) {
      if (!iqr) return distanceText(value, s.lastCenter, s.lastScale, 'robust sigma', 'rolling median');
      const high = value > s.lastHigh;
      const fence = high ? s.lastHigh : s.lastLow;
      if (s.lastScale === 0) return `${formatValue(value)} is off the constant ${high ? 'upper' : 'lower'} quartile ${formatValue(fence)}`;
      const d = s.lastDistance;
      return `${formatValue(value)} is ${d >= 100 ? Math.round(d) : d.toFixed(1)} IQR ${high ? 'above the upper' : 'below the lower'} quartile ${formatValue(fence)}`;
    },
    // lastDistance: robust sigmas from the median (mad), or IQRs outside the quartiles (iqr).
    normalBand: (s) => halfUnitBand(s.lastDistance),
    normalText: (band) => iqr
      ? (band === 0 ? 'between the rolling quartiles' : `within ${band / 2} IQR outside the rolling quartiles`)
      : halfUnitText(band, 'robust sigma', 'rolling median'),
  };
}
