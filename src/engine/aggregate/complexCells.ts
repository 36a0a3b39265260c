import { createDistinctSet, distinctAdd, distinctMerge, resetDistinctSet, type DistinctSet } from './distinctSet';
import { createHll, hllAdd, hllMerge, resetHll, type Hll } from './hyperLogLog';
import type { MeasureNeeds } from './plan';
import { createSketch, resetSketch, sketchAdd, sketchMerge, type QuantileSketch } from './quantileSketch';

/**
 * Exact and approximate distinct values and percentiles of one field in one
 * cell: too big for flat arrays. A class, not an object literal: see FastRun
 * (window/fastFold) for why.
 */
export class ComplexCell {
  readonly distinct: DistinctSet | null;
  readonly hll: Hll | null;
  readonly sketch: QuantileSketch | null;

  /** An empty cell with the parts `needs` asks for. */
  constructor(needs: MeasureNeeds) {
    this.distinct = needs.distinct ? createDistinctSet() : null;
    this.hll = needs.hll ? createHll() : null;
    this.sketch = needs.sketch ? createSketch() : null;
  }
}

/** An empty cell with the parts `needs` asks for. */
export function createComplexCell(needs: MeasureNeeds): ComplexCell {
  return new ComplexCell(needs);
}

/** Empties a cell in place, keeping the room of its parts. */
export function resetComplexCell(cell: ComplexCell): void {
  if (cell.distinct !== null) resetDistinctSet(cell.distinct);
  if (cell.hll !== null) resetHll(cell.hll);
  if (cell.sketch !== null) resetSketch(cell.sketch);
}

/** Adds one present value to a cell. */
export function addToComplexCell(cell: ComplexCell, x: number): void {
  if (cell.distinct !== null) distinctAdd(cell.distinct, x);
  if (cell.hll !== null) hllAdd(cell.hll, x);
  if (cell.sketch !== null) sketchAdd(cell.sketch, x);
}

/** Folds `cell` into `a` (another cell, or a scalar accumulator's field, which has the same parts). */
export function mergeComplex(a: ComplexCell, cell: ComplexCell): void {
  if (a.distinct !== null && cell.distinct !== null) distinctMerge(a.distinct, cell.distinct);
  if (a.hll !== null && cell.hll !== null) hllMerge(a.hll, cell.hll);
  if (a.sketch !== null && cell.sketch !== null) sketchMerge(a.sketch, cell.sketch);
}
