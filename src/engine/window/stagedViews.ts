import { createComplexCell, type ComplexCell } from '../aggregate/complexCells';
import { bitCount, distinctAddWords, DistinctSet } from '../aggregate/distinctSet';
import type { MeasureNeeds } from '../aggregate/plan';
import { createSketch, resetSketch, type QuantileSketch } from '../aggregate/quantileSketch';
import type { FieldAcc } from '../aggregate/scalarAcc';
import { sketchAddCodes } from '../aggregate/sketchBins';
import type { StagedCodes } from './stagedParts';
import { SET_WORDS } from './stagedKernels';

/**
 * Reading a cell whose distinct set and sketch are split between its flat
 * parts (stagedParts) and its complex cell. A cell is always the union of
 * the two; moving flat contents into the complex cell changes nothing a
 * reader sees.
 */

/** Moves a cell's staged codes into its sketch (creating its complex cell), so it can stage again. */
export function moveCodesToCell(stage: StagedCodes, complex: (ComplexCell | undefined)[], needs: MeasureNeeds, cell: number): void {
  moveCodes(stage, (complex[cell] ??= createComplexCell(needs)).sketch!, cell);
}

function moveCodes(stage: StagedCodes, sketch: QuantileSketch, cell: number): void {
  const at = cell * stage.room;
  sketchAddCodes(sketch, stage.codes, at, at + stage.fill[cell]!, stage.min[cell]!, stage.max[cell]!);
  stage.fill[cell] = 0;
  stage.min[cell] = Infinity;
  stage.max[cell] = -Infinity;
}

/** Folds a cell's flat parts into an accumulator's own set and sketch (the store is not changed). */
export function mergeStagedInto(words: Uint32Array | null, stage: StagedCodes | null, cell: number, a: FieldAcc): void {
  if (words !== null && a.distinct !== null) distinctAddWords(a.distinct, words, cell * SET_WORDS, SET_WORDS);
  if (stage !== null && a.sketch !== null) {
    const at = cell * stage.room;
    sketchAddCodes(a.sketch, stage.codes, at, at + stage.fill[cell]!, stage.min[cell]!, stage.max[cell]!);
  }
}

/**
 * Lent views, one per field, of cells that have only flat parts: filling one
 * costs a copy of a few words and codes, where giving every cell its own
 * objects cost a walk through pointers per cell and window.
 */
const setViews: DistinctSet[] = [];
const sketchViews: QuantileSketch[] = [];

/**
 * A cell's distinct set to read at once (valid until the next load of field
 * f): its own set when it has one holding members (the flat words are moved
 * into it), else a view of the flat words.
 */
export function loadDistinct(words: Uint32Array, cellParts: ComplexCell | undefined, f: number, cell: number): DistinctSet {
  const own = cellParts?.distinct;
  const at = cell * SET_WORDS;
  if (own !== undefined && own !== null && own.size > 0) {
    distinctAddWords(own, words, at, SET_WORDS);
    words.fill(0, at, at + SET_WORDS);
    return own;
  }
  const view = (setViews[f] ??= new DistinctSet(SET_WORDS));
  let size = 0;
  for (let w = 0; w < SET_WORDS; w++) {
    const word = words[at + w]!;
    view.bits[w] = word;
    size += bitCount(word);
  }
  view.size = size;
  return view;
}

/** A cell's sketch to read at once (as loadDistinct): its own when it holds values, else a view of the staged codes. */
export function loadSketch(stage: StagedCodes, cellParts: ComplexCell | undefined, f: number, cell: number): QuantileSketch {
  const own = cellParts?.sketch;
  if (own !== undefined && own !== null && own.count > 0) {
    moveCodes(stage, own, cell);
    return own;
  }
  const view = (sketchViews[f] ??= createSketch());
  resetSketch(view);
  const at = cell * stage.room;
  sketchAddCodes(view, stage.codes, at, at + stage.fill[cell]!, stage.min[cell]!, stage.max[cell]!);
  return view;
}
