import { createComplexCell, type ComplexCell } from './complexCells';
import { distinctAddRun } from './distinctSet';
import { hllAddRun } from './hyperLogLog';
import type { MeasureNeeds } from './plan';
import { sketchAddRun } from './quantileSketch';

/** Which parts of a complex cell a call to addGroupedRows adds to (bits, combined with |). */
export const DISTINCT_PART = 1;
export const HLL_PART = 2;
export const SKETCH_PART = 4;

/** Scratch, grown as needed and only read within one call. perCell is all 0 between calls. */
let perCell = new Int32Array(1024);
/** The cells present, in order of first appearance, and where each one's values start once grouped. */
let present = new Int32Array(1024);
let starts = new Int32Array(1025);
/** Where each listed row's value goes once grouped, and the field's values grouped. */
let place = new Int32Array(1024);
let grouped = new Float64Array(1024);
/** Written by the warming pass so the JIT cannot drop it. */
let warmth = 0;

/**
 * Adds the values v[rows[j]] of entries [from, to) of `cells` and `rows` (row
 * `rows[j]` goes to cell `cells[j]`, as in cellKernels) to the `parts` of the
 * field's complex cells, creating cells (with every part `needs` asks for) on
 * first use.
 *
 * With a thousand keys, a cell's set and sketch are far apart in memory and
 * reached through several pointers; taken in arrival order, each row waited
 * on that chain of cache misses, which cost more than the adding. So rows are
 * grouped by cell first (a stable counting sort over the cells present), and
 * a short loop walks every present cell's chain before any adding, letting
 * the processor fetch many cells at once. Every part is indifferent to the
 * order of adds: the result is the same as adding row by row.
 */
export function addGroupedRows(
  complex: (ComplexCell | undefined)[], needs: MeasureNeeds, parts: number,
  cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number,
): void {
  const n = to - from;
  if (n <= 0 || parts === 0) return;
  const count = group(cells, from, to);
  for (let k = 0; k < n; k++) grouped[place[k]!] = v[rows[from + k]!]!;
  warmth = warm(complex, count);
  const distinct = (parts & DISTINCT_PART) !== 0;
  const hll = (parts & HLL_PART) !== 0;
  const sketch = (parts & SKETCH_PART) !== 0;
  for (let i = 0; i < count; i++) {
    const c = present[i]!;
    const start = starts[i]!;
    const end = starts[i + 1]!;
    let cell = complex[c];
    if (cell === undefined) {
      if (!anyPresent(start, end)) continue;
      cell = complex[c] = createComplexCell(needs);
    }
    if (distinct && cell.distinct !== null) distinctAddRun(cell.distinct, grouped, start, end);
    if (hll && cell.hll !== null) hllAddRun(cell.hll, grouped, start, end);
    if (sketch && cell.sketch !== null) sketchAddRun(cell.sketch, grouped, start, end);
  }
}

/**
 * Fills present, starts and place for entries [from, to); returns the number
 * of cells present. Cells of a batch mostly lie in a narrow range (a slice's
 * keys), so the counts are turned into positions by a walk over that range,
 * in which nearly every cell is present: listing cells on first appearance
 * instead branched unpredictably once per cell.
 */
function group(cells: Int32Array, from: number, to: number): number {
  const n = to - from;
  if (place.length < n) {
    place = new Int32Array(2 * n);
    grouped = new Float64Array(2 * n);
    present = new Int32Array(2 * n);
    starts = new Int32Array(2 * n + 1);
  }
  let lo = cells[from]!;
  let hi = lo;
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  if (hi >= perCell.length) growPerCell(hi);
  const count = hi - lo <= 4 * n ? countInRange(cells, from, to, lo, hi) : countByAppearance(cells, from, to);
  starts[count] = n;
  for (let j = from; j < to; j++) place[j - from] = perCell[cells[j]!]!++;
  for (let i = 0; i < count; i++) perCell[present[i]!] = 0;
  return count;
}

/** Counts rows per cell, then lists the cells present in ascending order with their start positions (left in perCell). */
function countInRange(cells: Int32Array, from: number, to: number, lo: number, hi: number): number {
  for (let j = from; j < to; j++) perCell[cells[j]!]!++;
  let count = 0;
  let start = 0;
  for (let c = lo; c <= hi; c++) {
    const rowsHere = perCell[c]!;
    if (rowsHere === 0) continue;
    present[count] = c;
    starts[count++] = start;
    perCell[c] = start;
    start += rowsHere;
  }
  return count;
}

/** As countInRange, for cells spread too wide to walk: lists them as they first appear. */
function countByAppearance(cells: Int32Array, from: number, to: number): number {
  let count = 0;
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    if (perCell[c]!++ === 0) present[count++] = c;
  }
  let start = 0;
  for (let i = 0; i < count; i++) {
    const c = present[i]!;
    starts[i] = start;
    const rowsHere = perCell[c]!;
    perCell[c] = start;
    start += rowsHere;
  }
  return count;
}

function growPerCell(c: number): void {
  const bigger = new Int32Array(Math.max(2 * perCell.length, c + 1));
  bigger.set(perCell);
  perCell = bigger;
}

/** Reads, for each present cell, the words its adds will write first (a loop short enough to have many misses in flight). */
function warm(complex: (ComplexCell | undefined)[], count: number): number {
  let sum = warmth;
  for (let i = 0; i < count; i++) {
    const cell = complex[present[i]!];
    if (cell === undefined) continue;
    const sketch = cell.sketch;
    if (sketch !== null) sum += sketch.buffer[sketch.buffered]!;
    const distinct = cell.distinct;
    if (distinct !== null) sum += distinct.bits[0]!;
  }
  return sum & 1;
}

function anyPresent(from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (grouped[i] === grouped[i]) return true;
  return false;
}
