import { createDistinctSet, distinctAdd, distinctAddRun, distinctMerge, resetDistinctSet, type DistinctSet } from './distinctSet';
import { createHll, hllAdd, hllAddRun, hllMerge, resetHll, type Hll } from './hyperLogLog';
import type { MeasureNeeds } from './plan';
import { createSketch, resetSketch, sketchAdd, sketchAddRun, sketchMerge, type QuantileSketch } from './quantileSketch';

/** Exact and approximate distinct values and percentiles of one field in one cell: too big for flat arrays. */
export interface ComplexCell {
  distinct: DistinctSet | null;
  hll: Hll | null;
  sketch: QuantileSketch | null;
}

/** An empty cell with the parts `needs` asks for. */
export function createComplexCell(needs: MeasureNeeds): ComplexCell {
  return {
    distinct: needs.distinct ? createDistinctSet() : null,
    hll: needs.hll ? createHll() : null,
    sketch: needs.sketch ? createSketch() : null,
  };
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

/** Scratch of the grouping below, grown as needed; only ever read within one call. */
let perCell = new Int32Array(1024);
let seen = new Int32Array(1024);
let groupedCells = new Int32Array(1024);
let groupedValues = new Float64Array(1024);

/**
 * Adds the rows listed in entries [from, to) of `cells` and `rows` (row
 * `rows[j]` of `v` goes to cell `cells[j]`, as in cellKernels) to the
 * complex cells of one field, creating cells on first use.
 *
 * The rows are grouped by cell first (a stable counting sort over the cells
 * present). With a thousand keys, a cell's set and sketch are far apart in
 * memory and reached through several pointers; taken in arrival order, each
 * row waited on that chain of cache misses, which cost more than the adding.
 * Every part here is indifferent to the order of adds, so the result is the
 * same as adding row by row.
 */
export function addComplexRows(
  complex: (ComplexCell | undefined)[], needs: MeasureNeeds, cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number,
): void {
  const n = to - from;
  if (n <= 0) return;
  if (groupedValues.length < n) {
    groupedCells = new Int32Array(2 * n);
    groupedValues = new Float64Array(2 * n);
    seen = new Int32Array(2 * n);
  }
  // Count rows per cell, listing each cell the first time it appears.
  let distinctCells = 0;
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    if (c >= perCell.length) growPerCell(c);
    if (perCell[c]!++ === 0) seen[distinctCells++] = c;
  }
  // Turn counts into start positions, then place each row's value at its cell's next position.
  let start = 0;
  for (let i = 0; i < distinctCells; i++) {
    const c = seen[i]!;
    const count = perCell[c]!;
    perCell[c] = start;
    start += count;
  }
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const p = perCell[c]!++;
    groupedCells[p] = c;
    groupedValues[p] = v[rows[j]!]!;
  }
  for (let i = 0; i < distinctCells; i++) perCell[seen[i]!] = 0;
  addGroups(complex, needs, groupedCells, groupedValues, n);
}

function growPerCell(c: number): void {
  const bigger = new Int32Array(Math.max(2 * perCell.length, c + 1));
  bigger.set(perCell);
  perCell = bigger;
}

/** Adds runs of values that share a cell: the cell is looked up once per run, and made when the run has a present value. */
function addGroups(complex: (ComplexCell | undefined)[], needs: MeasureNeeds, cellOf: Int32Array, values: Float64Array, n: number): void {
  let j = 0;
  while (j < n) {
    const c = cellOf[j]!;
    let end = j + 1;
    while (end < n && cellOf[end] === c) end++;
    let cell = complex[c];
    if (cell === undefined) {
      if (!anyPresent(values, j, end)) {
        j = end;
        continue;
      }
      cell = complex[c] = createComplexCell(needs);
    }
    if (cell.distinct !== null) distinctAddRun(cell.distinct, values, j, end);
    if (cell.hll !== null) hllAddRun(cell.hll, values, j, end);
    if (cell.sketch !== null) sketchAddRun(cell.sketch, values, j, end);
    j = end;
  }
}

function anyPresent(values: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (values[i] === values[i]) return true;
  return false;
}
