/**
 * The window's common case, as a loop of its own: a run of rows that fall in
 * one or two neighbouring slices that are open, not late, not between
 * windows and not revising fired ones, while the watermark stays below the
 * next firing or expiry. Such rows need nothing but folding into their
 * cells, so the loop does only that, and hands the first row it cannot
 * treat so back to the general row loop (foldRows), which decides
 * everything else.
 *
 * This loop decides no window rule itself: the run's slices, and the limit
 * below which their rows stay plain, are what the core (describeSlice in
 * sliceCache, from windowShape) judged of the slices, set up by prepareRun
 * (rowLoop). Anything else goes back to foldRows or is set aside for it. The
 * general path (SlicedWindowOptions.general) runs without it, and
 * fastPaths.test.ts holds the two equal.
 *
 * Disordered input alternates between the two newest slices (the older one
 * has not fired until the watermark passes its end), so the run covers two
 * adjacent slices: rows before `mid` go to `baseLo`, the others to `baseHi`.
 * A row's slice is told by comparing d = time - offset with the slices'
 * bounds, which agrees exactly with sliceOf's floor division because the
 * caller only asks for it with integral offset and slice width and the loop
 * only accepts integral d (so both are exact integer comparisons).
 */

const NO_KEYS = new Int32Array(0);
const NO_VALUES = new Float64Array(0);

/**
 * Where the run's rows go: typed arrays only, so the loop stays monomorphic.
 * Reused from call to call (a run may be a handful of rows on disordered
 * input, where an object per call would show).
 *
 * A class, not an object literal, like DirectCells: V8 builds a literal's
 * boilerplate when the literal runs a second time (the second pipeline run),
 * which generalised this map's fields and deoptimised the fold loops, and
 * Node 20's V8 then left them in baseline code for good (the window ran at
 * half speed from the second run on). Fields that hold times start as NaN,
 * a double, for a kindred reason: starting as 0 (a small integer) they
 * changed representation on the first run, and the next run's new object
 * then changed the field types of the scratch holding it, which deoptimised
 * the row loop (see RowScratch).
 */
export class FastRun {
  selection: Int32Array = NO_KEYS;
  watermark: Float64Array = NO_VALUES;
  time: Float64Array = NO_VALUES;
  /** The batch's key ids, or null for an unkeyed stream (every row is key 0). */
  keys: Int32Array | null = null;
  offset = NaN;
  /** Bounds of d = time - offset: the run's rows have lo <= d < hi. */
  lo = NaN;
  mid = NaN;
  hi = NaN;
  baseLo = 0;
  baseHi = 0;
  /** The run stops at the first row whose watermark reaches this (a firing, an expiry or lateness). */
  limit = NaN;
  /**
   * Rows of older slices (late, revising, or in a slice the run does not
   * cover) met during the run: their batch indices, in order, `deferredCount`
   * of them, for the general row loop to judge after the run (see fastFold).
   */
  deferred: Int32Array = NO_KEYS;
  deferredCount = 0;
  /**
   * Rows with d - lo below this (at most 0) are set aside; rows between it
   * and lo end the run. A run of two slices sets aside every older row. A run
   * of one slice only sets aside rows of slices whose windows have fired: a
   * row of a slice just before it may be plain, and ending the run there lets
   * the general loop pair the two.
   */
  deferBelow = NaN;
}

/** The cells of direct folding (see directMode and cellLayout). A class for the reason given at FastRun. */
export class DirectCells {
  /** The store's cell array, `stride` numbers per cell, the count first. */
  cells: Float64Array = NO_VALUES;
  /** The field's values, by batch row. */
  v: Float64Array = NO_VALUES;
  stride = 1;
  /** Offsets of the field's partials in a cell; -1 for those the plan does not keep (nAt: no field). */
  nAt = -1;
  sumAt = -1;
  minAt = -1;
  maxAt = -1;
}

/**
 * Folds selection entries from `from` on while they stay in the run; returns
 * the index of the first entry it left alone. A row of an older slice (a
 * late event, say) does not end the run: it is set aside in run.deferred and
 * the run goes on. Judging it after the run's rows instead of between them
 * changes nothing: it touches cells of other slices than theirs, no window
 * fires before the run ends, and the rows set aside keep their order and
 * their own watermarks. On disordered input with late events, ending the run
 * at each of them and starting it again cost more than the rest of the row. `wm` is the watermark before
 * the run; the largest watermark seen is left in `out[0]`.
 */
export function fastFold(run: FastRun, direct: DirectCells, from: number, wm: number, out: Float64Array): number {
  const { selection, watermark, time, keys, offset, lo, mid, hi, baseLo, baseHi, limit, deferred, deferBelow } = run;
  const { cells, v, stride, nAt, sumAt, minAt, maxAt } = direct;
  const hasField = nAt >= 0;
  const hasSum = sumAt >= 0;
  const hasMin = minAt >= 0;
  const hasMax = maxAt >= 0;
  const keyed = keys !== null;
  const keyIds = keys ?? NO_KEYS;
  const end = selection.length;
  // Times relative to the run's start (exact: the caller only runs integral times and bounds below 2^52).
  const start = offset + lo;
  const span = hi - lo;
  const split = mid - lo;
  let lastT = NaN;
  let base = 0;
  out[0] = wm;
  let j = from;
  for (; j < end; j++) {
    const i = selection[j]!;
    const w = watermark[i]!;
    if (w >= limit) break;
    const t = time[i]!;
    if (t !== lastT) {
      // e >>> 0 leaves e unchanged only for an integer from 0 to 2^32 - 1: one test for the run's lower bound and integrality.
      const e = t - start;
      if ((e >>> 0) !== e || e >= span) {
        if (!(e < deferBelow && e === Math.floor(e))) break;
        deferred[run.deferredCount++] = i;
        continue;
      }
      lastT = t;
      // Arithmetic, not a branch: on disordered input the row's slice is a coin toss.
      base = baseLo + +(e >= split) * (baseHi - baseLo);
    }
    // Stored as it changes, not after the loop: code after a hot loop lacks type feedback when the
    // loop is on-stack-replaced, and deoptimised on every later call (see cellKernels).
    if (w > wm) wm = out[0] = w;
    const c = (base + (keyed ? keyIds[i]! : 0)) * stride;
    cells[c]!++;
    if (!hasField) continue;
    const x = v[i]!;
    if (x !== x) continue;
    cells[c + nAt]!++;
    if (hasSum) cells[c + sumAt]! += x;
    if (hasMin && x < cells[c + minAt]!) cells[c + minAt] = x;
    if (hasMax && x > cells[c + maxAt]!) cells[c + maxAt] = x;
  }
  return j;
}

/**
 * fastFold for a run that the batch's end watermark cannot end (it is below
 * the limit, and row watermarks never exceed it): the rows' watermarks need
 * not be read. Row watermarks are monotone, so the caller takes the
 * watermark of the last row folded as the largest.
 */
export function fastFoldSteady(run: FastRun, direct: DirectCells, from: number): number {
  const { selection, time, keys, offset, lo, mid, hi, baseLo, baseHi, deferred, deferBelow } = run;
  const { cells, v, stride, nAt, sumAt, minAt, maxAt } = direct;
  const hasField = nAt >= 0;
  const hasSum = sumAt >= 0;
  const hasMin = minAt >= 0;
  const hasMax = maxAt >= 0;
  const keyed = keys !== null;
  const keyIds = keys ?? NO_KEYS;
  const end = selection.length;
  // Times relative to the run's start (exact: the caller only runs integral times and bounds below 2^52).
  const start = offset + lo;
  const span = hi - lo;
  const split = mid - lo;
  let lastT = NaN;
  let base = 0;
  let j = from;
  for (; j < end; j++) {
    const i = selection[j]!;
    const t = time[i]!;
    if (t !== lastT) {
      // e >>> 0 leaves e unchanged only for an integer from 0 to 2^32 - 1: one test for the run's lower bound and integrality.
      const e = t - start;
      if ((e >>> 0) !== e || e >= span) {
        if (!(e < deferBelow && e === Math.floor(e))) break;
        deferred[run.deferredCount++] = i;
        continue;
      }
      lastT = t;
      base = baseLo + +(e >= split) * (baseHi - baseLo);
    }
    const c = (base + (keyed ? keyIds[i]! : 0)) * stride;
    cells[c]!++;
    if (!hasField) continue;
    const x = v[i]!;
    if (x !== x) continue;
    cells[c + nAt]!++;
    if (hasSum) cells[c + sumAt]! += x;
    if (hasMin && x < cells[c + minAt]!) cells[c + minAt] = x;
    if (hasMax && x > cells[c + maxAt]!) cells[c + maxAt] = x;
  }
  return j;
}
