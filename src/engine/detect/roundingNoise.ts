/** 2^-1022: below it doubles are subnormal and keep too few digits to compare distances. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * Whether a value's distance from a centre is rounding noise, read as no distance at all:
 * a trillionth of the centre's size (running sums round that much), or subnormal
 * (1.5e-323 against 0 is not a spread a series has, and its quotients are arbitrary).
 */
export function isRoundingNoise(distance: number, center: number): boolean {
  return distance <= 1e-12 * Math.abs(center) || distance < SMALLEST_NORMAL;
}
