import { mapping, NEGATIVE_BASE, POSITIVE_BASE, ZERO_CODE } from './sketchMapping';

// Imports copied into module constants: every added value runs through this
// module, and calls or reads across modules (export getters, once compiled)
// kept the JIT from inlining that path; it was slower than the Math.log it replaced.
const NEGATIVE = NEGATIVE_BASE;
const ZERO = ZERO_CODE;
const POSITIVE = POSITIVE_BASE;
const MIN_POSSIBLE = mapping.minPossible;
const MAX_POSSIBLE = mapping.maxPossible;
const A = mapping.A;
const B = mapping.B;
const C = mapping.C;
const MULTIPLIER = mapping._multiplier;
const SMALLEST_NORMAL = 2 ** -1022;
const INVERSE_POWERS = Float64Array.from({ length: 31 }, (_, e) => 2 ** -e);
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
// Which 32-bit half of a double holds the sign and exponent (the second on little-endian machines).
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/**
 * The mapping's key for a value above its minPossible: the number the
 * library's key() gives, which finds the exponent and significand with a log2
 * and a loop. Here they are read from the bits; the arithmetic after that is
 * the library's, in its order, so the keys agree exactly (tests check).
 */
export function sketchKey(value: number): number {
  if (value >= 1 && value < 2147483648) {
    // Most values: the exponent is the top bit of the integer part, and scaling by a power of two is exact.
    const exponent = 31 - Math.clz32(value);
    const significand = value * INVERSE_POWERS[exponent]! - 1;
    return Math.ceil((((A * significand + B) * significand + C) * significand + exponent) * MULTIPLIER) | 0;
  }
  // Subnormals have no implicit leading bit: the library's path takes them (they are rare).
  if (value < SMALLEST_NORMAL) return mapping.key(value);
  scratch[0] = value > MAX_POSSIBLE ? MAX_POSSIBLE : value;
  const high = words[HIGH]!;
  const significand = ((high & 0xfffff) * 4294967296 + words[LOW]!) / 4503599627370496; // / 2^52, exact
  return Math.ceil((((A * significand + B) * significand + C) * significand + ((high >>> 20) - 1023)) * MULTIPLIER) | 0;
}

/** The code of a value (see sketchMapping): its key, placed by sign. */
export function sketchCode(value: number): number {
  if (value > MIN_POSSIBLE) return POSITIVE + sketchKey(value);
  if (value < -MIN_POSSIBLE) return NEGATIVE - sketchKey(-value);
  return ZERO;
}
