/**
 * What the statistical detectors share: turning a distance in standard
 * deviations into a score in [0, 1], and writing numbers in explanations.
 */

/**
 * erfc(x) for x >= 0, by the Chebyshev fit of Numerical Recipes (erfcc,
 * relative error below 1.2e-7 everywhere): precise in the far tail, where
 * 1 - erf(x) computed from erf would round to 0 and every large distance
 * would score the same.
 */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

/** Up to this many standard deviations the score is the Gaussian probability; beyond, it keeps growing slowly. */
const TAIL_FROM = 4;
const TAIL_AT = erfc(TAIL_FROM / Math.SQRT2);

/**
 * The score of a value `z` standard deviations from the mean: up to 4 sigma
 * the probability that a Gaussian value lies closer to the mean,
 * erf(|z|/√2) (0 at the mean, 0.683 at 1 sigma, 0.997 at 3); beyond, 1 minus
 * that probability's 6.3e-5 shrinking with (4/z)², so that 10, 100 and 10^6
 * sigma still score differently (a Gaussian tail rounds to 1 from 8.3 sigma
 * on, and a threshold could not tell those apart, which cost NAB's
 * windowedGaussian). 1 for an infinite z (a value off a constant series).
 */
export function gaussianScore(z: number): number {
  const a = Math.abs(z);
  if (a === Infinity) return 1;
  if (!(a > 0)) return 0;
  if (a > TAIL_FROM) {
    const r = TAIL_FROM / a;
    return 1 - TAIL_AT * r * r;
  }
  return 1 - erfc(a / Math.SQRT2);
}

/** A number for an explanation: four significant digits, whole numbers from 1000 up. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return String(Math.round(x));
  return String(Number(x.toPrecision(4)));
}

/** "4.3 sigma above the rolling mean 70.2" and the like: how far `value` lies from `center` in units of `scale`. */
export function distanceText(value: number, center: number, scale: number, unit: string, centerName: string): string {
  const side = value >= center ? 'above' : 'below';
  if (scale === 0) return `${formatValue(value)} is off the constant ${centerName} ${formatValue(center)}`;
  const z = Math.abs(value - center) / scale;
  return `${formatValue(value)} is ${z >= 100 ? Math.round(z) : z.toFixed(1)} ${unit} ${side} the ${centerName} ${formatValue(center)}`;
}

/** The normal band of a distance of `z` standard deviations (or other units): 0 at the centre, then one per half unit. */
export function halfUnitBand(z: number): number {
  return z > 0 ? Math.ceil(2 * z) : 0;
}

/** "within 1.5 sigma of the rolling mean": the sentence of half-unit band `band`. */
export function halfUnitText(band: number, unit: string, centerName: string): string {
  if (band === 0) return `at the ${centerName}`;
  return `within ${band / 2} ${unit} of the ${centerName}`;
}
