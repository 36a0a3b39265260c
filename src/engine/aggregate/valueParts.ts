/**
 * Value partials: numeric partials declared by one entry each, which every
 * store reads generically (scalarAcc, the slice store and its arrays, the
 * session store; see src/engine/README.md, "Adding an aggregate function").
 *
 * A value partial is one number per field and cell: its empty value, what one
 * present value contributes (`lift`), and how two partials combine (`merge`:
 * add, min or max, each associative and commutative, so cells, slices and
 * sessions may combine in any order). The partials that predate this table
 * (n, sum, moments, min, max, first/last) keep their hand-tuned loops; a
 * partial declared here goes through the generic loops, is never held in a
 * direct cell, and keeps a sliding window off the running-window path.
 */
import type { AggregateFn } from '../../model';

export type ValueMerge = 'add' | 'min' | 'max';

/** One value partial. A class, not an object literal, as the engine's state (see FastRun in window/fastFold). */
export class ValuePart {
  constructor(
    readonly name: string,
    /** Its value in a cell with no present value. */
    readonly identity: number,
    readonly merge: ValueMerge,
    /** What one present value contributes, before `merge`. */
    readonly lift: (v: number) => number,
    /** The functions that read it. */
    readonly fns: readonly AggregateFn[],
    /** The result of `fn` from the partial and the field's count of present values (n > 0). */
    readonly result: (fn: AggregateFn, value: number, n: number) => number,
  ) {}
}

/** Every value partial; a field keeps those its functions read (MeasureNeeds.values lists their indices). */
export const VALUE_PARTS: readonly ValuePart[] = [];

/** `a` and `b` combined as `merge` says. */
export function mergeValue(merge: ValueMerge, a: number, b: number): number {
  if (merge === 'add') return a + b;
  if (merge === 'min') return b < a ? b : a;
  return b > a ? b : a;
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

/** One number per value partial, each at its empty value. */
export function emptyValues(): Float64Array {
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
