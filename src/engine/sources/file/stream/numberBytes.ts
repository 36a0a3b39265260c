/**
 * Numbers read straight from a CSV cell's bytes. Plain decimals whose digits
 * fit in 2^53 and whose power of ten is at most 22 are computed exactly as
 * Number(text) would (both operands are exact doubles, so one IEEE division
 * or multiplication is correctly rounded: Clinger's fast path); everything
 * else goes through the text and values.ts, so the rules stay those of
 * whole-text parsing (plain decimals only: no hex, no Infinity).
 */
import { toNumber } from '../values';
import { decodeUtf8 } from './utf8';

const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const EXACT = 2 ** 53;

function slowNumber(buf: Uint8Array, start: number, end: number): number {
  return toNumber(decodeUtf8(buf, start, end));
}

/** The finite number bytes [start, end) hold, or NaN (also for an empty cell). */
export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number {
  let p = start;
  let negative = false;
  if (p < end) {
    const sign = buf[p]!;
    if (sign === 45) {
      negative = true;
      p++;
    } else if (sign === 43) p++;
  }
  let mantissa = 0;
  const intStart = p;
  for (; p < end; p++) {
    const d = buf[p]! - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
  }
  let digits = p - intStart;
  let fraction = 0;
  if (p < end && buf[p] === 46) {
    p++;
    const fracStart = p;
    for (; p < end; p++) {
      const d = buf[p]! - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
    }
    fraction = p - fracStart;
    digits += fraction;
  }
  if (digits === 0) return slowNumber(buf, start, end);
  let exponent = 0;
  if (p < end && (buf[p]! | 32) === 101) {
    p++;
    let expNegative = false;
    if (p < end && (buf[p] === 45 || buf[p] === 43)) expNegative = buf[p++] === 45;
    const expStart = p;
    for (; p < end && exponent < 100_000; p++) {
      const d = buf[p]! - 48;
      if (d < 0 || d > 9) break;
      exponent = exponent * 10 + d;
    }
    if (p === expStart) return slowNumber(buf, start, end);
    if (expNegative) exponent = -exponent;
  }
  // Anything after the number (spaces, a second dot, letters) is for the text rules to judge.
  if (p !== end || mantissa >= EXACT) return slowNumber(buf, start, end);
  const k = exponent - fraction;
  let value: number;
  if (k === 0) value = mantissa;
  else if (k < 0 && k >= -22) value = mantissa / POW10[-k]!;
  else if (k > 0 && k <= 22) value = mantissa * POW10[k]!;
  else return slowNumber(buf, start, end);
  return negative ? -value : value;
}
