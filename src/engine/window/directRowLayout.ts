/**
 * Where each output of a direct plan (count, and sum, avg, min and max of
 * one field; see directMode and cellLayout) is found in a cell: the layout
 * the result writer (directRows) reads rows by.
 */
import type { AggregatePlan } from '../aggregate/plan';
import { directLayout, isDirectPlan } from './cellLayout';

/** The aggregates a direct cell answers, by their index in DirectRows.ops. */
const DIRECT_OPS = ['count', 'sum', 'avg', 'min', 'max'] as const;
export const OP_COUNT = 0;
const OP_AVG = 2;

/** Where each output of a direct plan is found in a cell. A class, not an object literal: see FastRun (fastFold) for why. */
export class DirectRows {
  /** Per output, its aggregate (see DIRECT_OPS). */
  readonly ops: Int8Array;
  /** Per output, the offset in a cell of the partial it reads (avg: the sum). */
  readonly at: Int32Array;
  /** 1 for an average (the sum over n). */
  readonly average: Uint8Array;
  /** Offset of the field's non-missing count in a cell, -1 for a plan of counts only. */
  readonly nAt: number;
  readonly stride: number;

  constructor(plan: AggregatePlan) {
    const layout = directLayout(plan);
    this.ops = Int8Array.from(plan.outputs, (o) => DIRECT_OPS.indexOf(o.fn as (typeof DIRECT_OPS)[number]));
    const offsets = [0, layout.sumAt, layout.sumAt, layout.minAt, layout.maxAt];
    this.at = Int32Array.from(this.ops, (op) => offsets[op]!);
    this.average = Uint8Array.from(this.ops, (op) => (op === OP_AVG ? 1 : 0));
    this.nAt = layout.nAt;
    this.stride = layout.stride;
  }
}

/** The row reader of a direct plan; null for any other plan. */
export function createDirectRows(plan: AggregatePlan): DirectRows | null {
  return isDirectPlan(plan) ? new DirectRows(plan) : null;
}
