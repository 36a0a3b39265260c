/**
 * Direct mode: when the plan keeps at most count, sum, min and max of one
 * field, the row loop folds rows into their cells itself instead of listing
 * them for the kernels of cellKernels.
 */
import type { DirectCells } from './fastFold';
import type { SliceStore } from './sliceStore';

/** One row into its cell, in direct mode (fastFold does the same for runs of rows). */
export function foldOne(dc: DirectCells, c: number, i: number): void {
  dc.count[c]!++;
  if (!dc.hasField) return;
  const x = dc.v[i]!;
  if (x !== x) return;
  dc.n[c]!++;
  if (dc.hasSum) dc.sum[c]! += x;
  if (dc.hasMin && x < dc.min[c]!) dc.min[c] = x;
  if (dc.hasMax && x > dc.max[c]!) dc.max[c] = x;
}

/** Points `dc` at the store's current arrays (a new slot may re-lay them out). */
export function loadDirectCells(store: SliceStore, values: readonly Float64Array[], dc: DirectCells): void {
  const field = store.fields[0];
  dc.count = store.count;
  dc.hasField = field !== undefined;
  dc.v = field === undefined ? NO_VALUES : values[0]!;
  dc.n = field?.n ?? NO_VALUES;
  dc.sum = field?.sum ?? NO_VALUES;
  dc.min = field?.min ?? NO_VALUES;
  dc.max = field?.max ?? NO_VALUES;
  dc.hasSum = (field?.sum ?? null) !== null;
  dc.hasMin = (field?.min ?? null) !== null;
  dc.hasMax = (field?.max ?? null) !== null;
}

const NO_VALUES = new Float64Array(0);

/**
 * Whether the row loop can fold rows into their cells itself: when the plan
 * keeps at most count, sum, min and max of one field (the usual dashboard
 * aggregate). Listing rows for the kernels, then reading the list back, cost
 * as much again as the folding.
 */
export function directFold(store: SliceStore): boolean {
  const f = store.fields[0];
  if (f === undefined) return true;
  return store.fields.length === 1 && f.sumSq === null && f.firstV === null && f.complex === null;
}
