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

/**
 * Every value partial; a field keeps those its functions read
 * (MeasureNeeds.values lists their indices). The one place a new partial is
 * declared: the operations on these are in valuePartOps.
 */
export const VALUE_PARTS: readonly ValuePart[] = [];

