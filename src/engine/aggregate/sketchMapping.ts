// The package's root exports only DDSketch; the mappings live in its (stable, published) dist tree.
import { CubicallyInterpolatedMapping } from '@datadog/sketches-js/dist/ddsketch/mapping';

/** Every quantile the sketch answers is within this relative error of a value that was added. */
export const RELATIVE_ACCURACY = 0.01;

/**
 * The bucket mapping of @datadog/sketches-js that reads log2's integer part
 * from the float's exponent bits and interpolates the rest with a cubic,
 * instead of calling Math.log per value. Its multiplier is corrected so every
 * bucket still spans at most a factor gamma, which keeps the relative
 * accuracy guarantee at the price of about 1% more buckets than the
 * logarithmic mapping. quantileSketch computes its keys from the bits (the
 * same numbers, faster); this object turns keys back into values, once per
 * quantile, and is what tests hold those keys to.
 */
export const mapping = new CubicallyInterpolatedMapping(RELATIVE_ACCURACY);

/**
 * A sketch first keeps the keys of added values as codes in a small buffer,
 * one int per value, and moves them to bins only when the buffer fills: a
 * window of a hundred values per key then never touches a bin array, whose
 * random writes (a cache miss per value with a thousand keys) cost more than
 * everything else an add does. Codes order as the values do: negative values
 * (larger key, more negative) below zero, below positive values. Keys of
 * doubles lie within +-36,000, so the three ranges never meet.
 */
export const BUFFER_SIZE = 128;
export const NEGATIVE_BASE = 1 << 16;
export const ZERO_CODE = 1 << 17;
export const POSITIVE_BASE = 3 << 16;
