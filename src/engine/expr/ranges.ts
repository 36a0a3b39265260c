/**
 * `&&` and `||` over comparisons with constants, fused. A loop over typed
 * arrays costs about the same per row whether it does one test or four, so
 * `temperature > 30 && humidity < 80` runs as one pass over both columns
 * rather than two comparison passes and a third to combine them. Every
 * comparison but `!=` is a closed range on doubles: `x > 30` is
 * `x >= nextUp(30)`, and NaN (missing) fails every bound.
 */
import type { BinaryOperator, ComparisonOperator } from './ast';
import { byteBuffer, bytesOf, floatsOf, type Read } from './columns';
import { andBytes, MIRROR, orBytes } from './kernels';
import { isNumeric, type Part, type Range, type Run, type Scalar, type Scaled } from './types';

type F64 = Float64Array;
type U8 = Uint8Array;

/** The range a numeric comparison with a constant accepts; undefined for anything else. */
export function comparisonRange(operator: BinaryOperator, left: Part, right: Part): Range | undefined {
  if (!isComparison(operator) || !isNumeric(left.type) || !isNumeric(right.type)) return undefined;
  if (right.kind === 'const' && left.kind === 'run') return rangeOf(operator, right.value, floatsOf(left));
  if (left.kind === 'const' && right.kind === 'run') return rangeOf(MIRROR[operator], left.value, floatsOf(right));
  return undefined;
}

/** `x * c`, `c * x` or `x / c` for a numeric run x and a number c (see Scaled); undefined for anything else. */
export function scaledBy(operator: BinaryOperator, left: Part, right: Part): Scaled | undefined {
  if ((operator !== '*' && operator !== '/') || !isNumeric(left.type) || !isNumeric(right.type)) return undefined;
  if (right.kind === 'const' && left.kind === 'run' && typeof right.value === 'number') return { read: floatsOf(left), operator, c: right.value };
  // x * c is c * x exactly, but c / x is no scaling.
  if (operator === '*' && left.kind === 'const' && right.kind === 'run' && typeof left.value === 'number') return { read: floatsOf(right), operator, c: left.value };
  return undefined;
}

const COMPARISONS: ReadonlySet<BinaryOperator> = new Set<ComparisonOperator>(['==', '!=', '<', '<=', '>', '>=']);

function isComparison(operator: BinaryOperator): operator is ComparisonOperator {
  return COMPARISONS.has(operator);
}

/** `!=` is two ranges, and a missing constant none. */
function rangeOf(operator: ComparisonOperator, value: Scalar, read: Read<Float64Array>): Range | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  const c = value;
  switch (operator) {
    case '==':
      return { read, lo: c, hi: c };
    case '>':
      return { read, lo: nextUp(c), hi: Infinity };
    case '>=':
      return { read, lo: c, hi: Infinity };
    case '<':
      return { read, lo: -Infinity, hi: -nextUp(-c) };
    case '<=':
      return { read, lo: -Infinity, hi: c };
    case '!=':
      return undefined;
  }
}

const bits = new BigInt64Array(1);
const float = new Float64Array(bits.buffer);

/** The smallest double above `c`; NaN (which no value reaches) above +Infinity. */
function nextUp(c: number): number {
  if (Number.isNaN(c) || c === Infinity) return NaN;
  if (c === 0) return Number.MIN_VALUE;
  float[0] = c;
  bits[0] = bits[0]! + (c > 0 ? 1n : -1n);
  return float[0]!;
}

/** `&&` (all) or `||` (any) of two boolean parts, fused where they are ranges. */
export function logical(all: boolean, left: Part, right: Part): Run {
  const a = left.kind === 'run' ? left.range : undefined;
  const b = right.kind === 'run' ? right.range : undefined;
  if (a !== undefined && b !== undefined) return twoRanges(all, a, b);
  // Both sides are always evaluated and have no side effects, so they commute.
  if (a !== undefined) return rangeAndMask(all, a, right);
  if (b !== undefined) return rangeAndMask(all, b, left);
  return twoMasks(all, left, right);
}

function twoRanges(all: boolean, a: Range, b: Range): Run {
  const buffer = byteBuffer();
  const [sa, sb] = [oneSided(a), oneSided(b)];
  if (sa !== undefined && sb !== undefined) {
    const kernel = all ? bothAbove : eitherAbove;
    return (block) => {
      const out = buffer(block.length);
      kernel(a.read(block), sa.sign, sa.bound, b.read(block), sb.sign, sb.bound, out, block.length);
      return { type: 'boolean', values: out };
    };
  }
  const kernel = all ? bothInRange : eitherInRange;
  return (block) => {
    const out = buffer(block.length);
    kernel(a.read(block), a.lo, a.hi, b.read(block), b.lo, b.hi, out, block.length);
    return { type: 'boolean', values: out };
  };
}

function rangeAndMask(all: boolean, range: Range, mask: Part): Run {
  const buffer = byteBuffer();
  const readMask = bytesOf(mask);
  const side = oneSided(range);
  if (side !== undefined) {
    const kernel = all ? maskAndAbove : maskOrAbove;
    return (block) => {
      const out = buffer(block.length);
      kernel(readMask(block), range.read(block), side.sign, side.bound, out, block.length);
      return { type: 'boolean', values: out };
    };
  }
  const kernel = all ? maskAndRange : maskOrRange;
  return (block) => {
    const out = buffer(block.length);
    kernel(readMask(block), range.read(block), range.lo, range.hi, out, block.length);
    return { type: 'boolean', values: out };
  };
}

function twoMasks(all: boolean, left: Part, right: Part): Run {
  const buffer = byteBuffer();
  const readA = bytesOf(left);
  const readB = bytesOf(right);
  const kernel = all ? andBytes : orBytes;
  return (block) => {
    const out = buffer(block.length);
    kernel(readA(block), readB(block), out, block.length);
    return { type: 'boolean', values: out };
  };
}

/**
 * A range with one open end as a single test `sign * x >= bound`: `x <= hi`
 * is `-x >= -hi`. Negation is exact and keeps NaN, so nothing changes but
 * the number of comparisons per row.
 */
function oneSided({ lo, hi }: Range): { sign: number; bound: number } | undefined {
  if (hi === Infinity) return { sign: 1, bound: lo };
  if (lo === -Infinity) return { sign: -1, bound: -hi };
  return undefined;
}

// Nested conditionals rather than `&&` inside the loops: measured at about
// half the cost in V8 for doubles.

function bothAbove(a: F64, sa: number, ba: number, b: F64, sb: number, bb: number, out: U8, n: number): void {
  for (let i = 0; i < n; i++) out[i] = sa * a[i]! >= ba ? (sb * b[i]! >= bb ? 1 : 0) : 0;
}

function eitherAbove(a: F64, sa: number, ba: number, b: F64, sb: number, bb: number, out: U8, n: number): void {
  for (let i = 0; i < n; i++) out[i] = sa * a[i]! >= ba ? 1 : sb * b[i]! >= bb ? 1 : 0;
}

function bothInRange(a: F64, la: number, ha: number, b: F64, lb: number, hb: number, out: U8, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    out[i] = x >= la ? (x <= ha ? (y >= lb ? (y <= hb ? 1 : 0) : 0) : 0) : 0;
  }
}

function eitherInRange(a: F64, la: number, ha: number, b: F64, lb: number, hb: number, out: U8, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    out[i] = x >= la ? (x <= ha ? 1 : y >= lb ? (y <= hb ? 1 : 0) : 0) : y >= lb ? (y <= hb ? 1 : 0) : 0;
  }
}

// With a mask, testing the mask first measured faster once V8 inlines the
// loop into its caller.

function maskAndAbove(m: U8, a: F64, sign: number, bound: number, out: U8, n: number): void {
  for (let i = 0; i < n; i++) out[i] = m[i] === 0 ? 0 : sign * a[i]! >= bound ? 1 : 0;
}

function maskOrAbove(m: U8, a: F64, sign: number, bound: number, out: U8, n: number): void {
  for (let i = 0; i < n; i++) out[i] = m[i] === 1 ? 1 : sign * a[i]! >= bound ? 1 : 0;
}

function maskAndRange(m: U8, a: F64, lo: number, hi: number, out: U8, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    out[i] = m[i] === 0 ? 0 : x >= lo ? (x <= hi ? 1 : 0) : 0;
  }
}

function maskOrRange(m: U8, a: F64, lo: number, hi: number, out: U8, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    out[i] = m[i] === 1 ? 1 : x >= lo ? (x <= hi ? 1 : 0) : 0;
  }
}
