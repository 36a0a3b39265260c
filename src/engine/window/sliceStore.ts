import type { AggregatePlan } from '../aggregate/plan';
import { mergeComplex, type ComplexCell } from '../aggregate/complexCells';
import { mergeMoments } from '../aggregate/moments';
import { addValueRows, combineValue } from '../aggregate/valuePartOps';
import { VALUE_PARTS } from '../aggregate/valueParts';
import type { ScalarAcc } from '../aggregate/scalarAcc';
import { addFirstLast, addMax, addMin, addMoments, addPresent, addSum, addSumMinMax, countRows } from './cellKernels';
import { clearDirectCells, createDirectCellArray, directLayout, isDirectPlan, type DirectLayout } from './cellLayout';
import { addComplexRows } from './complexFold';
import { allocate, emptyParts, IDENTITY, relayout, type NumericPart } from './sliceArrays';
import { createSetWords, createStagedCodes, type StagedCodes } from './stagedParts';
import { loadDistinct, loadSketch, mergeStagedInto } from './stagedViews';

/**
 * Per-field partials of every (slice, key) cell c = slot * keyCap + key, as
 * flat arrays: part p of cell c at c * stride + its offset (see cellLayout;
 * in a direct store n, sum, min and max are all the store's one cell array).
 * A class, not an object literal, as SliceStore: see FastRun (fastFold) for why.
 */
export class FieldSlices {
  n: Float64Array;
  sum: Float64Array | null;
  /** Variance partials (see aggregate/moments), when the field has a variance or stddev. */
  shift: Float64Array | null;
  shiftedMean: Float64Array | null;
  m2: Float64Array | null;
  min: Float64Array | null;
  max: Float64Array | null;
  firstV: Float64Array | null;
  firstT: Float64Array | null;
  lastV: Float64Array | null;
  lastT: Float64Array | null;
  /** Exact distinct sets of small whole numbers, flat (see stagedKernels), when the field counts distinct values. */
  words: Uint32Array | null;
  /** The first values of each cell's sketch, flat (see stagedParts), when the field has percentiles. */
  stage: StagedCodes | null;
  /** The rest of distinct sets and sketches, and HLLs. */
  complex: (ComplexCell | undefined)[] | null;
  /** The value partials' arrays (see valueParts), one per index in valueIds; null when the field keeps none. */
  values: Float64Array[] | null;
  readonly valueIds: Int32Array;
  /** Offsets of n, sum, min and max in a cell (0 in a store of one array per part). */
  readonly nAt: number;
  readonly sumAt: number;
  readonly minAt: number;
  readonly maxAt: number;

  /** `direct`: the store's cell array and its layout when the store is direct (see cellLayout), else null. */
  constructor(plan: AggregatePlan, f: number, size: number, direct: Float64Array | null, layout: DirectLayout | null) {
    const needs = plan.fields[f]!.needs;
    const part = (p: NumericPart, on: boolean): Float64Array | null => (on ? direct ?? allocate(size, IDENTITY[p]) : null);
    this.nAt = layout?.nAt ?? 0;
    this.sumAt = layout?.sumAt ?? 0;
    this.minAt = layout?.minAt ?? 0;
    this.maxAt = layout?.maxAt ?? 0;
    this.n = direct ?? allocate(size, 0);
    this.sum = part('sum', needs.sum);
    this.shift = part('shift', needs.moments);
    this.shiftedMean = part('shiftedMean', needs.moments);
    this.m2 = part('m2', needs.moments);
    this.min = part('min', needs.min);
    this.max = part('max', needs.max);
    this.firstV = part('firstV', needs.firstLast);
    this.firstT = part('firstT', needs.firstLast);
    this.lastV = part('lastV', needs.firstLast);
    this.lastT = part('lastT', needs.firstLast);
    this.words = needs.distinct ? createSetWords(size) : null;
    this.stage = needs.sketch ? createStagedCodes(size) : null;
    this.complex = needs.distinct || needs.hll || needs.sketch ? [] : null;
    this.valueIds = Int32Array.from(needs.values);
    this.values = needs.values.length === 0 ? null : needs.values.map((v) => allocate(size, VALUE_PARTS[v]!.identity));
  }
}

/**
 * Partial aggregates per slice and key. Each event updates exactly one cell;
 * windows are assembled from slices when they fire. Plain data throughout.
 */
export class SliceStore {
  keyCap = 16;
  slotCap = 4;
  /** A direct store's cell layout (see cellLayout); null for a store of one array per part. */
  readonly layout: DirectLayout | null;
  /** Numbers per cell: the layout's stride in a direct store, else 1. A cell's count is at offset 0. */
  readonly stride: number;
  count: Float64Array;
  fields: FieldSlices[];
  /** Slice index -> slot, for slices holding data. */
  readonly slotOf = new Map<number, number>();
  readonly freeSlots: number[] = [3, 2, 1, 0];
  /** Live slice indices, ascending. */
  readonly live: number[] = [];

  /** `directAllowed`: false keeps a direct plan in one array per part too (the general path; see SlicedWindowOptions). */
  constructor(readonly plan: AggregatePlan, directAllowed = true) {
    const size = this.keyCap * this.slotCap;
    this.layout = directAllowed && isDirectPlan(plan) ? directLayout(plan) : null;
    const direct = this.layout === null ? null : createDirectCellArray(this.layout, size);
    this.stride = this.layout?.stride ?? 1;
    this.count = direct ?? new Float64Array(size);
    this.fields = plan.fields.map((_, f) => new FieldSlices(plan, f, size, direct, this.layout));
  }
}

/** Creates an empty store. */
export function createSliceStore(plan: AggregatePlan, directAllowed = true): SliceStore {
  return new SliceStore(plan, directAllowed);
}

/** Makes room for key ids up to `maxKey`. Call before computing cells of a batch. */
export function ensureKeyCapacity(store: SliceStore, maxKey: number): void {
  if (maxKey < store.keyCap) return;
  let cap = store.keyCap;
  while (cap <= maxKey) cap *= 2;
  relayout(store, cap, store.slotCap);
}

/** The slot holding slice `s`, allocating an empty one when the slice is new. */
export function slotForSlice(store: SliceStore, s: number): number {
  const known = store.slotOf.get(s);
  if (known !== undefined) return known;
  if (store.freeSlots.length === 0) relayout(store, store.keyCap, store.slotCap * 2);
  const slot = store.freeSlots.pop()!;
  store.slotOf.set(s, slot);
  const live = store.live;
  let i = live.length;
  while (i > 0 && live[i - 1]! > s) i--;
  live.splice(i, 0, s);
  return slot;
}

/** Empties slice `s` and returns its slot to the pool. */
export function freeSlice(store: SliceStore, s: number): void {
  const slot = store.slotOf.get(s);
  if (slot === undefined) return;
  const from = slot * store.keyCap;
  const to = from + store.keyCap;
  if (store.layout !== null) clearDirectCells(store.count, store.layout, from, to);
  else emptyParts(store, from, to);
  store.slotOf.delete(s);
  store.freeSlots.push(slot);
  store.live.splice(store.live.indexOf(s), 1);
}


/**
 * Adds the rows listed in entries [from, to) of `cells` and `rows` (row
 * `rows[j]` of the batch goes to cell `cells[j]`; see cellKernels). The hot
 * path of windowed aggregation.
 */
export function addRowsToCells(
  store: SliceStore, cells: Int32Array, rows: Int32Array, values: readonly Float64Array[], time: Float64Array, from: number, to: number,
): void {
  if (from >= to) return;
  // Rows of a direct store are folded by the row loop itself (see directMode), never listed.
  if (store.layout !== null) throw new Error('rows listed for a direct slice store');
  const fields = store.fields;
  // The first loop that can count rows as it goes does; if none can, they are counted on their own.
  let counted = false;
  for (let f = 0; f < fields.length; f++) {
    const took = addFieldRows(fields[f]!, counted ? null : store.count, cells, rows, values[f]!, time, from, to);
    counted ||= took;
  }
  if (addComplexRows(fields, store.plan.fields, counted ? null : store.count, cells, rows, values, from, to)) counted = true;
  if (!counted) countRows(store.count, cells, from, to);
}

/** Picks the loops (see cellKernels) for the partials the field keeps; returns whether they counted the rows into `count`. */
function addFieldRows(
  fs: FieldSlices, count: Float64Array | null,
  cells: Int32Array, rows: Int32Array, v: Float64Array, time: Float64Array, from: number, to: number,
): boolean {
  const { n, sum, shift, shiftedMean, m2, min, max } = fs;
  const scalar = sum !== null || min !== null || max !== null || fs.firstV !== null;
  let counted = false;
  if (sum !== null && m2 === null && min !== null && max !== null) {
    addSumMinMax(count, n, sum, min, max, cells, rows, v, from, to);
    counted = count !== null;
  } else if (scalar || (fs.words === null && fs.stage === null)) {
    if (sum !== null && shift !== null && shiftedMean !== null && m2 !== null) addMoments(n, sum, shift, shiftedMean, m2, cells, rows, v, from, to);
    else if (sum !== null) addSum(n, sum, cells, rows, v, from, to);
    else addPresent(n, cells, rows, v, from, to);
    if (min !== null) addMin(min, cells, rows, v, from, to);
    if (max !== null) addMax(max, cells, rows, v, from, to);
  }
  if (fs.firstV !== null && fs.firstT !== null && fs.lastV !== null && fs.lastT !== null) {
    addFirstLast(fs.firstV, fs.firstT, fs.lastV, fs.lastT, cells, rows, v, time, from, to);
  }
  if (fs.values !== null) for (let j = 0; j < fs.values.length; j++) addValueRows(fs.values[j]!, fs.valueIds[j]!, cells, rows, v, from, to);
  // Without a loop above, the loops of flat distinct sets and sketches (see complexFold) count present values.
  return counted;
}

/**
 * Loads one cell into `view` exactly as mergeCellInto would fold it into an
 * empty accumulator, but lends the cell's distinct set, HLL and sketch
 * instead of copying them: `view` is for reading at once (its distinct sets
 * and sketches may be shared views, valid until the next load), and must
 * never be reset (that would empty the cell).
 */
export function loadCellInto(store: SliceStore, cell: number, view: ScalarAcc): void {
  // Where the cell's numbers start (see cellLayout); the parts only direct stores lack are indexed by cell, as their stride is 1.
  const i = cell * store.stride;
  view.count = store.count[i]!;
  const fields = store.fields;
  for (let f = 0; f < fields.length; f++) {
    const fs = fields[f]!;
    const a = view.fields[f]!;
    const n = fs.n[i + fs.nAt]!;
    const some = n > 0;
    a.n = n;
    a.sum = some && fs.sum !== null ? fs.sum[i + fs.sumAt]! : 0;
    const moments = some && fs.m2 !== null;
    a.shift = moments ? fs.shift![cell]! : 0;
    a.shiftedMean = moments ? fs.shiftedMean![cell]! : 0;
    a.m2 = moments ? fs.m2![cell]! : 0;
    a.min = some && fs.min !== null ? fs.min[i + fs.minAt]! : Infinity;
    a.max = some && fs.max !== null ? fs.max[i + fs.maxAt]! : -Infinity;
    const { firstV, firstT, lastV, lastT } = fs;
    if (some && firstV !== null && firstT !== null && lastV !== null && lastT !== null) {
      a.firstV = firstV[cell]!; a.firstT = firstT[cell]!; a.lastV = lastV[cell]!; a.lastT = lastT[cell]!;
    } else {
      a.firstV = NaN; a.firstT = Infinity; a.lastV = NaN; a.lastT = -Infinity;
    }
    const values = fs.values;
    if (values !== null) for (let j = 0; j < values.length; j++) a.values[fs.valueIds[j]!] = some ? values[j]![cell]! : VALUE_PARTS[fs.valueIds[j]!]!.identity;
    const complex = some ? fs.complex?.[cell] : undefined;
    a.distinct = some && fs.words !== null ? loadDistinct(fs.words, complex, f, cell) : null;
    a.hll = complex?.hll ?? null;
    a.sketch = some && fs.stage !== null ? loadSketch(fs.stage, complex, f, cell) : null;
  }
}

/** Folds one cell into a scalar accumulator. */
export function mergeCellInto(store: SliceStore, cell: number, acc: ScalarAcc): void {
  // As in loadCellInto: i for the parts a direct store may hold, cell for the rest.
  const i = cell * store.stride;
  acc.count += store.count[i]!;
  const fields = store.fields;
  // A plain loop, not forEach: this runs once per key and slice of every firing and revision.
  for (let f = 0; f < fields.length; f++) {
    const fs = fields[f]!;
    const a = acc.fields[f]!;
    const n = fs.n[i + fs.nAt]!;
    if (n === 0) continue;
    if (fs.m2 !== null) mergeMoments(a, a.n, n, fs.shift![cell]!, fs.shiftedMean![cell]!, fs.m2[cell]!);
    a.n += n;
    if (fs.sum !== null) a.sum += fs.sum[i + fs.sumAt]!;
    if (fs.min !== null && fs.min[i + fs.minAt]! < a.min) a.min = fs.min[i + fs.minAt]!;
    if (fs.max !== null && fs.max[i + fs.maxAt]! > a.max) a.max = fs.max[i + fs.maxAt]!;
    if (fs.firstT !== null && fs.firstT[cell]! < a.firstT) { a.firstT = fs.firstT[cell]!; a.firstV = fs.firstV![cell]!; }
    if (fs.lastT !== null && fs.lastT[cell]! >= a.lastT) { a.lastT = fs.lastT[cell]!; a.lastV = fs.lastV![cell]!; }
    const values = fs.values;
    if (values !== null) {
      for (let j = 0; j < values.length; j++) {
        const p = fs.valueIds[j]!;
        a.values[p] = combineValue(p, a.values[p]!, values[j]![cell]!);
      }
    }
    mergeStagedInto(fs.words, fs.stage, cell, a);
    const complex = fs.complex?.[cell];
    if (complex !== undefined) mergeComplex(a, complex);
  }
}
