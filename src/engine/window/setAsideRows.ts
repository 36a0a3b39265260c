/**
 * The rows a run set aside (see fastFold), for the commonest case: a tumbling
 * window in direct mode, on event time, untraced. Such rows are late events:
 * on P5's input three in four of them revise a window that fired, one result
 * row each. This loop leaves out what the general row loop (foldRows) must
 * check and cannot happen here: no window fires or expires before the run's
 * limit, which every set-aside row's watermark is below, a tumbling window
 * has no gaps, and a row that revises its window is known to be within
 * allowed lateness (the two tests are one). P5's window ran about 9% faster
 * with it than with foldRows, the two taking turns in one process.
 *
 * Whether a row is late and whether it revises its window is what the core
 * judged of its slice (describeSlice: cachedLateAt and REVISES); this loop
 * only acts on it. fastPaths.test.ts holds it equal to the general path.
 */
import type { Batch } from '../batch';
import type { OperatorContext } from '../operators/types';
import { foldOne, loadDirectCells } from './directMode';
import { describeSlice, openSlice, REVISES, sliceOf } from './sliceCache';
import type { SlicedWindowState } from './slicedState';
import type { RowScratch } from './rowScratch';
import { writeDirect } from './directRows';
import { nextRevision } from './windowFirings';
import { WATERMARK } from '../aggregate/resultWriter';
import { checkWindowTime } from '../time';
import { oneSliceWindows } from './windowShape';

/** Whether setAsideRows may judge the rows a run of this window sets aside (the run itself needs direct mode, integral slices and event time). */
export function takesSetAsideRows(st: SlicedWindowState, ctx: OperatorContext): boolean {
  return oneSliceWindows(st.shape) && ctx.trace === null && st.out.directRows !== null;
}

/**
 * Judges `count` rows of `rows` (batch indices, in arrival order) with their
 * own watermarks, all below the next firing or expiry: late rows are listed
 * in scratch.late, the others fold into their cells, and each that lands in a
 * fired window writes that window's revised row for its key.
 */
export function setAsideRows(st: SlicedWindowState, ctx: OperatorContext, batch: Batch, rows: Int32Array, count: number, values: readonly Float64Array[], scratch: RowScratch): void {
  const { time, watermark, keys } = batch;
  const { offset } = st.config;
  const { store, out, writer } = st;
  const g = st.shape.g;
  const directRows = out.directRows!;
  const inverseG = 1 / g;
  const { cachedSlice, cachedBase, cachedLateAt, cachedFlags, direct: dc } = scratch;
  let wm = st.watermark;
  let revised = false;
  for (let j = 0; j < count; j++) {
    const i = rows[j]!;
    const w = watermark[i]!;
    if (w > wm) wm = w;
    const t = time[i]!;
    // A run sets aside any whole time below it, however far: judge it here as foldRows would.
    checkWindowTime(t);
    const s = sliceOf(t - offset, g, inverseG, true);
    const h = s & 7;
    if (cachedSlice[h] !== s) describeSlice(st, scratch, s, h);
    if (cachedLateAt[h]! <= wm) {
      scratch.late.push(i);
      st.lateEvents++;
      continue;
    }
    let base = cachedBase[h]!;
    if (base < 0) {
      base = cachedBase[h] = openSlice(st, ctx, s);
      // A new slot may have re-laid the store out in larger arrays.
      loadDirectCells(store, values, dc);
    }
    const key = keys === null ? 0 : keys[i]!;
    foldOne(dc, base + key, i);
    if ((cachedFlags[h]! & REVISES) === 0) continue;
    // Slice s is window s, fired, and the row is not late, so within allowed lateness: its window is revised.
    revised = true;
    const revision = nextRevision(out, s, key, store.keyCap);
    writer.frame[WATERMARK] = wm;
    writeDirect(st, directRows, base + key, s, key, revision);
  }
  if (wm > st.watermark) st.watermark = wm;
  if (revised) st.running.dirty = true;
}
