/**
 * How a slice store lays out its numeric partials.
 *
 * Direct plans (count, and sum, avg, min and max of at most one field: the
 * usual dashboard aggregate; see directMode) keep each cell's partials side
 * by side in one array: count, then n, sum, min and max where the plan keeps
 * them (see DirectLayout). Folding a row then touches one or two cache lines
 * instead of one per partial; on P2 the five arrays' lines outnumbered what
 * the first-level cache holds while the other operators stream their
 * columns through it.
 *
 * Every other plan keeps one array per partial (stride 1, every offset 0),
 * which the kernels of cellKernels, stagedKernels and complexFold assume.
 * Code that may meet either layout reads part p of cell c at
 * `c * stride + offset of p`.
 */
import type { AggregatePlan } from '../aggregate/plan';

/** Offsets in a direct cell (-1 for a partial the plan does not keep) and the numbers per cell. The count is at 0. */
export interface DirectLayout {
  readonly stride: number;
  readonly nAt: number;
  readonly sumAt: number;
  readonly minAt: number;
  readonly maxAt: number;
}

/** The layout of a direct plan's cells: only the partials it keeps, so hopping windows, which read whole slices, read no unused ones. */
export function directLayout(plan: AggregatePlan): DirectLayout {
  const needs = plan.fields[0]?.needs;
  let stride = 1;
  const take = (on: boolean): number => (on ? stride++ : -1);
  const nAt = take(needs !== undefined);
  const sumAt = take(needs?.sum === true);
  const minAt = take(needs?.min === true);
  const maxAt = take(needs?.max === true);
  return { stride, nAt, sumAt, minAt, maxAt };
}

/** Whether a plan is direct: at most one field, with nothing beyond count, sum, min and max (no value partial: see valueParts). */
export function isDirectPlan(plan: AggregatePlan): boolean {
  if (plan.fields.length === 0) return true;
  if (plan.fields.length > 1) return false;
  const needs = plan.fields[0]!.needs;
  return !needs.moments && !needs.firstLast && !needs.distinct && !needs.hll && !needs.sketch && needs.values.length === 0;
}

/** Empties cells [from, to) of a direct layout: no rows, no values, min and max at their identities. */
export function clearDirectCells(cells: Float64Array, layout: DirectLayout, from: number, to: number): void {
  const { stride, minAt, maxAt } = layout;
  cells.fill(0, from * stride, to * stride);
  if (minAt >= 0) for (let c = from * stride + minAt; c < to * stride; c += stride) cells[c] = Infinity;
  if (maxAt >= 0) for (let c = from * stride + maxAt; c < to * stride; c += stride) cells[c] = -Infinity;
}

/** A direct layout of `size` empty cells. */
export function createDirectCellArray(layout: DirectLayout, size: number): Float64Array {
  const cells = new Float64Array(size * layout.stride);
  clearDirectCells(cells, layout, 0, size);
  return cells;
}

/** The direct layout re-laid for a new key capacity and slot capacity (cells are slot * keyCap + key), keeping the contents. */
export function relayDirectCells(src: Float64Array, layout: DirectLayout, oldKeys: number, oldSlots: number, keyCap: number, slotCap: number): Float64Array {
  const S = layout.stride;
  const dst = createDirectCellArray(layout, keyCap * slotCap);
  for (let s = 0; s < oldSlots; s++) dst.set(src.subarray(s * oldKeys * S, (s * oldKeys + oldKeys) * S), s * keyCap * S);
  return dst;
}
