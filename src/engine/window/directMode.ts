/**
 * Direct mode: when the plan keeps at most count, sum, min and max of one
 * field, the row loop folds rows into their cells itself instead of listing
 * them for the kernels of cellKernels. Such a store keeps each cell's
 * partials side by side (see cellLayout).
 *
 * Only the storing differs: the row loops call foldOne for rows the core
 * judged (not late, not between windows; see describeSlice), exactly where
 * they would otherwise list them. fastPaths.test.ts holds direct stores equal
 * to the general path's store of one array per part.
 */
import type { DirectCells } from './fastFold';
import type { SliceStore } from './sliceStore';

/** One row into its cell, in direct mode (fastFold does the same for runs of rows). */
export function foldOne(dc: DirectCells, c: number, i: number): void {
  const cells = dc.cells;
  const at = c * dc.stride;
  cells[at]!++;
  if (dc.nAt < 0) return;
  const x = dc.v[i]!;
  if (x !== x) return;
  cells[at + dc.nAt]!++;
  if (dc.sumAt >= 0) cells[at + dc.sumAt]! += x;
  if (dc.minAt >= 0 && x < cells[at + dc.minAt]!) cells[at + dc.minAt] = x;
  if (dc.maxAt >= 0 && x > cells[at + dc.maxAt]!) cells[at + dc.maxAt] = x;
}

/** Points `dc` at the store's current cell array (a new slot may re-lay it out). */
export function loadDirectCells(store: SliceStore, values: readonly Float64Array[], dc: DirectCells): void {
  const layout = store.layout;
  if (layout === null) throw new Error('direct folding into a store of one array per part');
  dc.cells = store.count;
  dc.v = store.fields.length === 0 ? NO_VALUES : values[0]!;
  dc.stride = layout.stride;
  dc.nAt = layout.nAt;
  dc.sumAt = layout.sumAt;
  dc.minAt = layout.minAt;
  dc.maxAt = layout.maxAt;
}

const NO_VALUES = new Float64Array(0);

/**
 * Whether the row loop folds rows into their cells itself: when the plan
 * keeps at most count, sum, min and max of one field (the usual dashboard
 * aggregate; see isDirectPlan), whose store is laid out for it. Listing rows
 * for the kernels, then reading the list back, cost as much again as the
 * folding.
 */
export function directFold(store: SliceStore): boolean {
  return store.layout !== null;
}
