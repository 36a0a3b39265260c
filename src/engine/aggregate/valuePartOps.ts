/**
 * The operations every store uses on the value partials of valueParts:
 * the empty values, folding rows in, merging, and the result.
 */
import type { AggregateFn } from '../../model';
import { VALUE_PARTS, type ValueMerge } from './valueParts';

/** `a` and `b` combined as `merge` says. */
export function mergeValue(merge: ValueMerge, a: number, b: number): number {
  if (merge === 'add') return a + b;
  if (merge === 'min') return b < a ? b : a;
  return b > a ? b : a;
}

/** Value partial `part`'s values a and b (of two cells, slices or sessions) combined. */
export function combineValue(part: number, a: number, b: number): number {
  return mergeValue(VALUE_PARTS[part]!.merge, a, b);
}

/** Value partial `part`'s value `acc` with one more present value v folded in. */
export function foldValue(part: number, acc: number, v: number): number {
  const p = VALUE_PARTS[part]!;
  return mergeValue(p.merge, acc, p.lift(v));
}

/** Indices of the value partials `fn` reads. */
export function valuePartsOf(fn: AggregateFn): number[] {
  const out: number[] = [];
  VALUE_PARTS.forEach((p, i) => { if (p.fns.includes(fn)) out.push(i); });
  return out;
}

/** The result of a function that reads a value partial (`values` indexed as VALUE_PARTS), or NaN when none declares it. */
export function valueResult(fn: AggregateFn, values: Float64Array, n: number): number {
  for (let i = 0; i < VALUE_PARTS.length; i++) {
    const p = VALUE_PARTS[i]!;
    if (p.fns.includes(fn)) return p.result(fn, values[i]!, n);
  }
  return NaN;
}

const NO_VALUES = new Float64Array(0);

/** One number per value partial, each at its empty value. */
export function emptyValues(): Float64Array {
  // No allocation per accumulator while the table is empty: nothing writes to an array of length 0.
  if (VALUE_PARTS.length === 0) return NO_VALUES;
  const a = new Float64Array(VALUE_PARTS.length);
  for (let i = 0; i < a.length; i++) a[i] = VALUE_PARTS[i]!.identity;
  return a;
}

/**
 * Folds the listed rows (row rows[j] into cell cells[j], see cellKernels)
 * into value partial `part`'s array; missing values (NaN) are skipped. Does
 * not count present values: the field's other loops do (see addFieldRows).
 */
export function addValueRows(
  dst: Float64Array, part: number, cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number,
): void {
  const { merge, lift } = VALUE_PARTS[part]!;
  for (let j = from; j < to; j++) {
    const x = v[rows[j]!]!;
    if (x !== x) continue;
    const c = cells[j]!;
    dst[c] = mergeValue(merge, dst[c]!, lift(x));
  }
}
