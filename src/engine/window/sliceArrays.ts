/**
 * The arrays of a slice store (see sliceStore): their empty values, and
 * re-laying them out when the store grows to more keys or more slots.
 */
import { resetComplexCell, type ComplexCell } from '../aggregate/complexCells';
import type { AggregatePlan } from '../aggregate/plan';
import { VALUE_PARTS } from '../aggregate/valueParts';
import { relayDirectCells, type DirectLayout } from './cellLayout';
import { clearStaged, relayCodes, relayWords, type Relayout, type StagedCodes } from './stagedParts';

/** The numeric partials a field may keep per cell. */
export type NumericPart = 'n' | 'sum' | 'shift' | 'shiftedMean' | 'm2' | 'min' | 'max' | 'firstV' | 'firstT' | 'lastV' | 'lastT';
/** Each partial's value in an empty cell. */
export const IDENTITY: Record<NumericPart, number> = {
  n: 0, sum: 0, shift: 0, shiftedMean: 0, m2: 0, min: Infinity, max: -Infinity, firstV: NaN, firstT: Infinity, lastV: NaN, lastT: -Infinity,
};

/**
 * What this file needs of a field's arrays and of the store (SliceStore and
 * FieldSlices in sliceStore fit them): structural, so that this file does not
 * import sliceStore, which imports it.
 */
export type PartArrays = { [P in NumericPart]: Float64Array | null } & {
  words: Uint32Array | null;
  stage: StagedCodes | null;
  complex: (ComplexCell | undefined)[] | null;
  /** The value partials' arrays (see valueParts), parallel to valueIds; null when the field keeps none. */
  values: Float64Array[] | null;
  readonly valueIds: Int32Array;
};
export interface ArrayStore {
  keyCap: number;
  slotCap: number;
  readonly layout: DirectLayout | null;
  count: Float64Array;
  readonly fields: readonly PartArrays[];
  readonly freeSlots: number[];
  readonly plan: AggregatePlan;
}

/** An array of `size` cells holding `identity`. */
export function allocate(size: number, identity: number): Float64Array {
  const a = new Float64Array(size);
  if (identity !== 0) a.fill(identity);
  return a;
}

const PARTS: NumericPart[] = ['n', 'sum', 'shift', 'shiftedMean', 'm2', 'min', 'max', 'firstV', 'firstT', 'lastV', 'lastT'];

/** Re-lays every array for a new key capacity and slot capacity, keeping the contents. */
export function relayout(store: ArrayStore, keyCap: number, slotCap: number): void {
  if (store.layout !== null) relayoutDirect(store, store.layout, keyCap, slotCap);
  else relayoutParts(store, keyCap, slotCap);
  for (let s = slotCap - 1; s >= store.slotCap; s--) store.freeSlots.push(s);
  store.keyCap = keyCap;
  store.slotCap = slotCap;
}

/** relayout for a direct store: its one cell array, which every present part shares. */
function relayoutDirect(store: ArrayStore, layout: DirectLayout, keyCap: number, slotCap: number): void {
  const cells = relayDirectCells(store.count, layout, store.keyCap, store.slotCap, keyCap, slotCap);
  store.count = cells;
  for (const fs of store.fields) {
    fs.n = cells;
    if (fs.sum !== null) fs.sum = cells;
    if (fs.min !== null) fs.min = cells;
    if (fs.max !== null) fs.max = cells;
  }
}

/** relayout for a store of one array per part. */
function relayoutParts(store: ArrayStore, keyCap: number, slotCap: number): void {
  const oldK = store.keyCap;
  const move = (src: Float64Array, identity: number): Float64Array => {
    const dst = allocate(keyCap * slotCap, identity);
    for (let s = 0; s < store.slotCap; s++) dst.set(src.subarray(s * oldK, s * oldK + oldK), s * keyCap);
    return dst;
  };
  store.count = move(store.count, 0);
  const r: Relayout = { oldKeys: oldK, oldSlots: store.slotCap, keyCap, slotCap };
  store.fields.forEach((fs, f) => {
    for (const p of PARTS) {
      const a = fs[p];
      if (a !== null) fs[p] = move(a, IDENTITY[p]);
    }
    if (fs.values !== null) for (let j = 0; j < fs.values.length; j++) fs.values[j] = move(fs.values[j]!, VALUE_PARTS[fs.valueIds[j]!]!.identity);
    if (fs.words !== null) fs.words = relayWords(fs.words, r);
    // Before the complex cells move: codes that no longer fit go to their cell at its old index.
    if (fs.stage !== null && fs.complex !== null) fs.stage = relayCodes(fs.stage, fs.complex, store.plan.fields[f]!.needs, r);
    if (fs.complex !== null) {
      const old = fs.complex;
      fs.complex = [];
      old.forEach((cell, i) => { if (cell !== undefined) fs.complex![Math.floor(i / oldK) * keyCap + (i % oldK)] = cell; });
    }
  });
}


/** Empties cells [from, to) of a store of one array per part. */
export function emptyParts(store: ArrayStore, from: number, to: number): void {
  store.count.fill(0, from, to);
  for (const fs of store.fields) {
    for (const p of PARTS) fs[p]?.fill(IDENTITY[p], from, to);
    if (fs.values !== null) for (let j = 0; j < fs.values.length; j++) fs.values[j]!.fill(VALUE_PARTS[fs.valueIds[j]!]!.identity, from, to);
    clearStaged(fs.words, fs.stage, from, to);
    // Cells are emptied in place, not dropped: their sets and sketch bins keep their room for the
    // slice that takes the slot next, instead of becoming garbage every window.
    if (fs.complex !== null) for (let c = from; c < to; c++) { const cell = fs.complex[c]; if (cell !== undefined) resetComplexCell(cell); }
  }
}
