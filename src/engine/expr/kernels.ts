/**
 * The loops. One plain loop per operation over typed arrays, chosen once at
 * compile time, so the per-row work is a load, an operation and a store: no
 * closure call and no allocation per row. Missing numbers are NaN and
 * propagate through arithmetic by themselves; comparisons are false on NaN
 * by themselves too, except `!=`, which has to check.
 */
import type { ArithmeticOperator, ComparisonOperator } from './ast';

type F64 = Float64Array;
type U8 = Uint8Array;

/** Loop signatures: operands, output, row count. */
export type NumberKernel = (a: F64, b: F64, out: F64, n: number) => void;
export type CompareKernel = (a: F64, b: F64, out: U8, n: number) => void;
export type UnaryKernel = (a: F64, out: F64, n: number) => void;
/** The same with a constant right operand: `temperature > 30` reads one array, not two. */
export type ScalarNumberKernel = (a: F64, c: number, out: F64, n: number) => void;
export type ScalarCompareKernel = (a: F64, c: number, out: U8, n: number) => void;

/** Arithmetic on two columns. */
export const ARITHMETIC: Readonly<Record<ArithmeticOperator, NumberKernel>> = {
  '+': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!; },
  '-': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!; },
  '*': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!; },
  '/': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! / b[i]!; },
  '%': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! % b[i]!; },
};

/** Comparisons of two numeric columns. */
export const COMPARE_NUMBERS: Readonly<Record<ComparisonOperator, CompareKernel>> = {
  '==': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! === b[i]! ? 1 : 0; },
  '!=': (a, b, out, n) => {
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      const y = b[i]!;
      // x === x is false only for NaN: a missing side makes the comparison false.
      out[i] = x !== y && x === x && y === y ? 1 : 0;
    }
  },
  '<': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! < b[i]! ? 1 : 0; },
  '<=': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! <= b[i]! ? 1 : 0; },
  '>': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! > b[i]! ? 1 : 0; },
  '>=': (a, b, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! >= b[i]! ? 1 : 0; },
};

/** `30 < x` is `x > 30`: constants go on the right, so one set of loops serves both. */
export const MIRROR: Readonly<Record<ComparisonOperator, ComparisonOperator>> = {
  '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=',
};

/** Arithmetic with a constant right operand (the compiler swaps the operands of `+` and `*` to get one). */
export const ARITHMETIC_SCALAR: Readonly<Record<ArithmeticOperator, ScalarNumberKernel>> = {
  '+': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! + c; },
  '-': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! - c; },
  '*': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! * c; },
  '/': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! / c; },
  '%': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! % c; },
};

/** Scale then shift by constants, `(a * c1) + c2` and kin: the two roundings of two passes, in one. */
export const SCALE_SHIFT: Readonly<Record<'*' | '/', Readonly<Record<'+' | '-', (a: F64, c1: number, c2: number, out: F64, n: number) => void>>>> = {
  '*': {
    '+': (a, c1, c2, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! * c1 + c2; },
    '-': (a, c1, c2, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! * c1 - c2; },
  },
  '/': {
    '+': (a, c1, c2, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! / c1 + c2; },
    '-': (a, c1, c2, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! / c1 - c2; },
  },
};

/** Comparisons with a constant that is not missing (a missing constant makes every row false). */
export const COMPARE_SCALAR: Readonly<Record<ComparisonOperator, ScalarCompareKernel>> = {
  '==': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! === c ? 1 : 0; },
  '!=': (a, c, out, n) => {
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      out[i] = x !== c && x === x ? 1 : 0;
    }
  },
  '<': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! < c ? 1 : 0; },
  '<=': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! <= c ? 1 : 0; },
  '>': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! > c ? 1 : 0; },
  '>=': (a, c, out, n) => { for (let i = 0; i < n; i++) out[i] = a[i]! >= c ? 1 : 0; },
};

/** `==` (flip 0) or `!=` (flip 1) on booleans, which are never missing. */
export function equalBytes(a: U8, b: U8, out: U8, n: number, flip: 0 | 1): void {
  for (let i = 0; i < n; i++) out[i] = (a[i] === b[i] ? 1 : 0) ^ flip;
}

/** Booleans are 0 or 1, so `&&` and `||` are the bitwise operators, without branches. */
export function andBytes(a: U8, b: U8, out: U8, n: number): void {
  for (let i = 0; i < n; i++) out[i] = a[i]! & b[i]!;
}

/** See {@link andBytes}. */
export function orBytes(a: U8, b: U8, out: U8, n: number): void {
  for (let i = 0; i < n; i++) out[i] = a[i]! | b[i]!;
}

/** Flips 0 and 1. */
export function notBytes(a: U8, out: U8, n: number): void {
  for (let i = 0; i < n; i++) out[i] = a[i]! ^ 1;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Date's limit: times beyond ±8.64e15 ms are invalid dates. */
const MAX_TIME = 8.64e15;

/**
 * One-argument numeric functions. hour and minute read the UTC clock the
 * way Date.getUTCHours does (fractional ms truncated toward zero, invalid
 * beyond Date's range) but without a Date per row.
 */
export const NUMERIC_UNARY = {
  negate: (a, out, n) => { for (let i = 0; i < n; i++) out[i] = -a[i]!; },
  abs: (a, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.abs(a[i]!); },
  floor: (a, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.floor(a[i]!); },
  ceil: (a, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.ceil(a[i]!); },
  sqrt: (a, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.sqrt(a[i]!); },
  log: (a, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.log(a[i]!); },
  round: (a, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.round(a[i]!); },
  hour: (a, out, n) => {
    for (let i = 0; i < n; i++) {
      const ms = Math.trunc(a[i]!);
      out[i] = ms > MAX_TIME || ms < -MAX_TIME ? NaN : Math.floor((((ms % DAY) + DAY) % DAY) / HOUR);
    }
  },
  minute: (a, out, n) => {
    for (let i = 0; i < n; i++) {
      const ms = Math.trunc(a[i]!);
      out[i] = ms > MAX_TIME || ms < -MAX_TIME ? NaN : Math.floor((((ms % HOUR) + HOUR) % HOUR) / MINUTE);
    }
  },
} satisfies Record<string, UnaryKernel>;

/** round(x, digits) with constant digits: the scale is computed once. */
export function roundScaled(a: F64, scale: number, out: F64, n: number): void {
  for (let i = 0; i < n; i++) out[i] = Math.round(a[i]! * scale) / scale;
}

/** round(x, digits): digits are truncated to an integer and may be negative (round(1234, -2) is 1200). */
export function roundDigits(a: F64, digits: F64, out: F64, n: number): void {
  for (let i = 0; i < n; i++) {
    const scale = 10 ** Math.trunc(digits[i]!);
    out[i] = Math.round(a[i]! * scale) / scale;
  }
}

/** Missing in, missing out, as in arithmetic (Math.min and Math.max return NaN for NaN). */
export function minNumbers(a: F64, b: F64, out: F64, n: number): void {
  for (let i = 0; i < n; i++) out[i] = Math.min(a[i]!, b[i]!);
}

/** See {@link minNumbers}. */
export function maxNumbers(a: F64, b: F64, out: F64, n: number): void {
  for (let i = 0; i < n; i++) out[i] = Math.max(a[i]!, b[i]!);
}
