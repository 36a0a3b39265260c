/**
 * Exact sums and variances of float64 values, for tests: every double is an
 * integer times a power of two, so the two-pass computation (the sum, then
 * the squared deviations from the mean) can be done in BigInt rationals with
 * no rounding at all, and rounded to a double once at the end. The engine's
 * float64 results are compared with these, so a test's tolerance measures the
 * engine's error alone, not the reference's too.
 */

/** x = mantissa * 2^exponent exactly (x finite). */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  if (x === 0) return { mantissa: 0n, exponent: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = biased === 0 ? -1074 : biased - 1075;
  return { mantissa: hi >>> 31 === 1 ? -mantissa : mantissa, exponent };
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : (x < 0n ? -x : x).toString(2).length;
}

/** num / den * 2^pow2, correctly rounded to well within 2^-60 relative. */
function ratioToNumber(num: bigint, den: bigint, pow2: number): number {
  if (num === 0n) return 0;
  const sign = (num < 0n) !== (den < 0n) ? -1 : 1;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  // A quotient of at least 64 bits: truncating it costs less than 2^-63 relative.
  const shift = 66 - (bitLength(n) - bitLength(d));
  const q = shift >= 0 ? (n << BigInt(shift)) / d : n / (d << BigInt(-shift));
  // Two factors of two so that neither overflows nor underflows on the way.
  const e = pow2 - shift;
  const half = Math.trunc(e / 2);
  return sign * Number(q) * 2 ** half * 2 ** (e - half);
}

/** The values as integers over one common power of two. */
function scaled(values: readonly number[]): { ints: bigint[]; exponent: number } {
  const parts = values.map(decompose);
  const exponent = Math.min(...parts.map((p) => p.exponent));
  return { ints: parts.map((p) => p.mantissa << BigInt(p.exponent - exponent)), exponent };
}

/** The exact sum of finite values, rounded once. */
export function exactSum(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const { ints, exponent } = scaled(values);
  return ratioToNumber(ints.reduce((a, b) => a + b, 0n), 1n, exponent);
}

/** The exact mean of finite values, rounded once (NaN for none). */
export function exactMean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const { ints, exponent } = scaled(values);
  return ratioToNumber(ints.reduce((a, b) => a + b, 0n), BigInt(values.length), exponent);
}

/**
 * The exact sample variance (n - 1) of finite values, rounded once; NaN below
 * two values. Two passes over exact rationals: the mean, then the sum of
 * squared deviations from it (scaled by n^2 to stay in integers).
 */
export function exactVariance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return NaN;
  const { ints, exponent } = scaled(values);
  const N = BigInt(n);
  const total = ints.reduce((a, b) => a + b, 0n);
  // n * x_i - total is n times x_i's deviation from the mean.
  let squares = 0n;
  for (const x of ints) {
    const dev = N * x - total;
    squares += dev * dev;
  }
  // variance = squares / n^2 / (n - 1), in units of 2^(2 * exponent).
  return ratioToNumber(squares, N * N * (N - 1n), 2 * exponent);
}
