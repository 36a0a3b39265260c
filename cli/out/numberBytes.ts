/**
 * Numbers written straight into a byte buffer, byte for byte as
 * `JSON.stringify` prints them, without making a string for the common
 * cases: the NDJSON writer spends most of its time on numbers, and a string
 * per number (then UTF-8 encoding of the joined text) cost more than the run.
 */

/** Bytes a number can take: '-' + 17 digits + '.' + 'e-324' and some room. */
export const MAX_NUMBER_BYTES = 32;

/** 2^53: below it every integer is a double, so its digits are exactly what Number::toString prints. */
const EXACT_INTEGERS = 9007199254740992;

/**
 * Writes the decimal digits of a non-negative integer below 2^53 at `at`;
 * returns the position after them. `n / 10` is correctly rounded and far
 * from the next integer (its fraction is a multiple of 0.1, its rounding
 * error under 0.07), so `Math.floor` of it is the exact quotient.
 */
function writeWhole(bytes: Uint8Array, at: number, n: number): number {
  let width = 1;
  for (let bound = 10; bound <= n; bound *= 10) width++;
  let p = at + width;
  do {
    const q = Math.floor(n / 10);
    bytes[--p] = 48 + (n - q * 10);
    n = q;
  } while (n > 0);
  return at + width;
}

/** Writes an ASCII string (the built-in form of a number) at `at`; returns the position after it. */
function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
  return at;
}

/**
 * Writes a finite number as `'' + value` prints it (so -0 as `0`), with at
 * least MAX_NUMBER_BYTES of room at `at`; returns the position after it.
 * Fast paths, each the same text as Number::toString:
 * - integers below 2^53: their digits (no decimal with fewer significant
 *   digits rounds to them, since neighbouring doubles are at most 1 apart,
 *   and plain notation holds up to 1e21);
 * - values below 1e9 with at most six decimals (see numberText in
 *   jsonText.ts for why the six-digit decimal is the shortest one).
 * Anything else takes the built-in shortest form.
 */
export function writeFiniteNumber(bytes: Uint8Array, at: number, value: number): number {
  const magnitude = value < 0 ? -value : value;
  if (magnitude < EXACT_INTEGERS) {
    const whole = Math.floor(magnitude);
    if (whole === magnitude) {
      if (value < 0) bytes[at++] = 45;
      return writeWhole(bytes, at, whole);
    }
    if (magnitude < 1e9) {
      const scaled = Math.round(magnitude * 1e6);
      if (scaled / 1e6 === magnitude) {
        if (value < 0) bytes[at++] = 45;
        at = writeWhole(bytes, at, whole);
        bytes[at++] = 46;
        // 0 < fraction < 1e6: six digits with leading zeros, trailing zeros dropped.
        let fraction = scaled - whole * 1e6;
        let digits = 6;
        while (fraction % 10 === 0) { fraction /= 10; digits--; }
        let p = at + digits;
        const end = p;
        for (let d = 0; d < digits; d++) {
          const q = Math.floor(fraction / 10);
          bytes[--p] = 48 + (fraction - q * 10);
          fraction = q;
        }
        return end;
      }
    }
  }
  return writeAscii(bytes, at, '' + value);
}

/** Writes a number as `JSON.stringify` prints it (`null` for NaN and ±Infinity); returns the position after it. */
export function writeJsonNumber(bytes: Uint8Array, at: number, value: number): number {
  if (value - value === 0) return writeFiniteNumber(bytes, at, value);
  bytes[at] = 110; bytes[at + 1] = 117; bytes[at + 2] = 108; bytes[at + 3] = 108;
  return at + 4;
}
