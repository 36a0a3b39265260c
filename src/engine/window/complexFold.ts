import type { ComplexCell } from '../aggregate/complexCells';
import { addGroupedRows, DISTINCT_PART, HLL_PART, SKETCH_PART } from '../aggregate/complexRows';
import type { MeasureNeeds } from '../aggregate/plan';
import { addToCodes, addToWords } from './stagedKernels';
import type { StagedCodes } from './stagedParts';
import { moveCodesToCell } from './stagedViews';

/** A field's distinct sets, HLLs and sketches: flat parts where they fit, complex cells for the rest. */
export interface ComplexParts {
  words: Uint32Array | null;
  stage: StagedCodes | null;
  complex: (ComplexCell | undefined)[] | null;
}

/** Values that did not fit the flat parts, listed for the complex cells; only read within one call. */
let spillCells = new Int32Array(1024);
let spillRows = new Int32Array(1024);

/**
 * Adds the listed rows (see cellKernels) to a field's distinct sets, HLLs
 * and sketches. Rows are counted into `count` and present values into `n`
 * (either may be null) by the first loop that reads the values; returns
 * whether the rows were counted.
 */
export function addComplexFieldRows(
  parts: ComplexParts, needs: MeasureNeeds, count: Float64Array | null, n: Float64Array | null,
  cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number,
): boolean {
  const complex = parts.complex;
  if (complex === null) return false;
  const counted = count !== null && (parts.words !== null || parts.stage !== null);
  if (spillCells.length < to - from) {
    spillCells = new Int32Array(2 * (to - from));
    spillRows = new Int32Array(2 * (to - from));
  }
  if (parts.words !== null) {
    const spilled = addToWords(count, n, parts.words, cells, rows, v, from, to, spillCells, spillRows);
    addGroupedRows(complex, needs, DISTINCT_PART, spillCells, spillRows, v, 0, spilled);
    count = null;
    n = null;
  }
  const stage = parts.stage;
  if (stage !== null) {
    const { codes, fill, min, max, room } = stage;
    const spilled = addToCodes(count, n, codes, fill, min, max, room, cells, rows, v, from, to, spillCells, spillRows);
    // A value spills when its cell's codes are full: they move to the cell's sketch, so later rows stage again.
    if (room > 0) for (let i = 0; i < spilled; i++) if (fill[spillCells[i]!] === room) moveCodesToCell(stage, complex, needs, spillCells[i]!);
    addGroupedRows(complex, needs, SKETCH_PART, spillCells, spillRows, v, 0, spilled);
  }
  if (needs.hll) addGroupedRows(complex, needs, HLL_PART, cells, rows, v, from, to);
  return counted;
}
