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

/** Writes the `width` decimal digits of an int32 `n` >= 0 (zero-padded on the left) ending at `end`. Int32 division by 10 compiles to a multiply. */
function writeDigits(bytes: Uint8Array, end: number, n: number, width: number): void {
  for (let w = 0; w < width; w++) {
    const q = (n / 10) | 0;
    bytes[--end] = 48 + n - q * 10;
    n = q;
  }
}

/** How many decimal digits an int32 `n` >= 0 has. */
function digitCount(n: number): number {
  let width = 1;
  while (width < 10 && n >= POWERS[width]!) width++;
  return width;
}

const POWERS = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];

/**
 * Writes the decimal digits of a non-negative integer below 2^53 at `at`;
 * returns the position after them. Above 10^8 it is cut into high and low
 * parts (`n / 1e8` is correctly rounded and its fraction, a multiple of
 * 1e-8, is far from the next integer, so `Math.floor` of it is exact), each
 * printed with int32 arithmetic: float division and `%` cost far more.
 */
function writeWhole(bytes: Uint8Array, at: number, n: number): number {
  if (n < 1e8) {
    const width = digitCount(n);
    writeDigits(bytes, at + width, n, width);
    return at + width;
  }
  const high = Math.floor(n / 1e8);
  const width = digitCount(high);
  writeDigits(bytes, at + width, high, width);
  writeDigits(bytes, at + width + 8, n - high * 1e8, 8);
  return at + width + 8;
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
        let fraction = (scaled - whole * 1e6) | 0;
        let digits = 6;
        for (let q = (fraction / 10) | 0; q * 10 === fraction; q = (fraction / 10) | 0) { fraction = q; digits--; }
        writeDigits(bytes, at + digits, fraction, digits);
        return at + digits;
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
