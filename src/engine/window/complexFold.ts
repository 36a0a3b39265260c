import type { ComplexCell } from '../aggregate/complexCells';
import { addGroupedRows, DISTINCT_PART, HLL_PART, SKETCH_PART } from '../aggregate/complexRows';
import type { MeasuredField, MeasureNeeds } from '../aggregate/plan';
import { addToCodes, addToWords, addToWordsAndCodes } from './stagedKernels';
import type { StagedCodes } from './stagedParts';
import { moveCodesToCell } from './stagedViews';

/** A field's distinct sets, HLLs and sketches: flat parts where they fit, complex cells for the rest. */
export interface ComplexParts {
  n: Float64Array;
  words: Uint32Array | null;
  stage: StagedCodes | null;
  complex: (ComplexCell | undefined)[] | null;
  /** The field's other partials: when it keeps any, their loops count its present values into n. */
  sum: Float64Array | null;
  min: Float64Array | null;
  max: Float64Array | null;
  firstV: Float64Array | null;
}

/** The n a field's first flat loop counts into: none when the field's other loops count it. */
function ownN(p: ComplexParts): Float64Array | null {
  return p.sum !== null || p.min !== null || p.max !== null || p.firstV !== null ? null : p.n;
}

/** Values that did not fit the flat parts, listed for the complex cells (two lists for the fused loop); only read within one call. */
let spillCells = new Int32Array(1024);
let spillRows = new Int32Array(1024);
let spillCells1 = new Int32Array(1024);
let spillRows1 = new Int32Array(1024);
const spilled = new Int32Array(2);

/**
 * Adds the listed rows (see cellKernels) to every field's distinct sets,
 * HLLs and sketches (values[f] holds field f). Rows are counted into `count`
 * when given, and present values into a field's n unless another loop does,
 * by the first loop that reads them; returns whether the rows were counted.
 * The first flat distinct set and the first flat sketch go through one fused
 * loop (see addToWordsAndCodes); any others through a loop each.
 */
export function addComplexRows(
  parts: readonly ComplexParts[], fields: readonly MeasuredField[], count: Float64Array | null,
  cells: Int32Array, rows: Int32Array, values: readonly Float64Array[], from: number, to: number,
): boolean {
  if (spillCells.length < to - from) {
    const size = 2 * (to - from);
    spillCells = new Int32Array(size);
    spillRows = new Int32Array(size);
    spillCells1 = new Int32Array(size);
    spillRows1 = new Int32Array(size);
  }
  let counted = false;
  let a = -1;
  let b = -1;
  for (let f = parts.length - 1; f >= 0; f--) {
    if (parts[f]!.words !== null) a = f;
    if (parts[f]!.stage !== null) b = f;
  }
  if (a >= 0 && b >= 0) {
    const pa = parts[a]!;
    const pb = parts[b]!;
    const stage = pb.stage!;
    // A field's values are counted by its words loop when it has one (so b's only when b has none).
    const nb = pb.words !== null ? null : ownN(pb);
    addToWordsAndCodes(
      count, ownN(pa), pa.words!, values[a]!, nb, stage.codes, stage.fill, stage.min, stage.max, stage.room, values[b]!,
      cells, rows, from, to, spillCells, spillRows, spillCells1, spillRows1, spilled,
    );
    counted = count !== null;
    addGroupedRows(pa.complex!, fields[a]!.needs, DISTINCT_PART, spillCells, spillRows, values[a]!, 0, spilled[0]!);
    spillCodes(pb, fields[b]!.needs, spillCells1, spillRows1, values[b]!, spilled[1]!);
  }
  for (let f = 0; f < parts.length; f++) {
    const p = parts[f]!;
    const complex = p.complex;
    if (complex === null) continue;
    const v = values[f]!;
    const needs = fields[f]!.needs;
    // Field a's words went through the fused loop only when there was a sketch (b) to fuse them with.
    if (p.words !== null && (f !== a || b < 0)) {
      const k = addToWords(counted ? null : count, ownN(p), p.words, cells, rows, v, from, to, spillCells, spillRows);
      counted ||= count !== null;
      addGroupedRows(complex, needs, DISTINCT_PART, spillCells, spillRows, v, 0, k);
    }
    const stage = p.stage;
    if (stage !== null && (f !== b || a < 0)) {
      const { codes, fill, min, max, room } = stage;
      const n = p.words !== null ? null : ownN(p);
      const k = addToCodes(counted ? null : count, n, codes, fill, min, max, room, cells, rows, v, from, to, spillCells, spillRows);
      counted ||= count !== null;
      spillCodes(p, needs, spillCells, spillRows, v, k);
    }
    if (needs.hll) addGroupedRows(complex, needs, HLL_PART, cells, rows, v, from, to);
  }
  return counted;
}

/** Adds values that found their cell's staged codes full to the cells' sketches. */
function spillCodes(p: ComplexParts, needs: MeasureNeeds, cells: Int32Array, rows: Int32Array, v: Float64Array, k: number): void {
  const stage = p.stage!;
  const complex = p.complex!;
  // Full codes move to the cell's sketch, so later rows stage again.
  if (stage.room > 0) for (let i = 0; i < k; i++) if (stage.fill[cells[i]!] === stage.room) moveCodesToCell(stage, complex, needs, cells[i]!);
  addGroupedRows(complex, needs, SKETCH_PART, cells, rows, v, 0, k);
}
