/**
 * Firing and revising sliced windows: a window's rows for every key that has
 * rows in it (emitWindow), or one key's revised row after a late event
 * (emitRevision), gathered from the slices (or the running window) and
 * written to the result writer.
 */
import { resetScalarAcc, scalarResult, type ScalarAcc } from '../aggregate/scalarAcc';
import { pendingResults, takeResults, WATERMARK, writeFramedResult } from '../aggregate/resultWriter';
import type { OperatorContext } from '../operators/types';
import { loadRunningInto, moveRunningWindow } from './runningWindow';
import { setFrame, writeDirect } from './directRows';
import { loadCellInto, mergeCellInto } from './sliceStore';
import type { SlicedWindowState } from './slicedState';
import { nextRevision } from './windowFirings';
import { endSliceOf, firstSliceOf, windowEnd, windowStart } from './windowShape';

/** The cell index of key 0 in each live slice of window k, found once per firing rather than once per key. */
function sliceBases(st: SlicedWindowState, k: number): number[] {
  const from = firstSliceOf(st.shape, k);
  const to = endSliceOf(st.shape, k);
  const bases: number[] = [];
  for (const s of st.store.live) {
    if (s < from) continue;
    if (s >= to) break;
    bases.push(st.store.slotOf.get(s)! * st.store.keyCap);
  }
  return bases;
}

/**
 * One key's aggregate over a window's cells (bases from sliceBases), or null
 * when it has no rows there. A window of one slice (every tumbling window)
 * needs no folding: its cell is read in place, which for distinct counts and
 * percentiles saves copying a set and a sketch per key and window.
 */
function gatherFromSlices(st: SlicedWindowState, bases: readonly number[], key: number): ScalarAcc | null {
  if (bases.length === 1) {
    loadCellInto(st.store, bases[0]! + key, st.out.view);
    return st.out.view.count > 0 ? st.out.view : null;
  }
  const acc = st.out.acc;
  resetScalarAcc(acc);
  for (let b = 0; b < bases.length; b++) mergeCellInto(st.store, bases[b]! + key, acc);
  return acc.count > 0 ? acc : null;
}

/** Loads key's aggregate from the running window into the scratch accumulator (null when it has no rows). */
function gatherFromRunning(st: SlicedWindowState, key: number): ScalarAcc | null {
  return loadRunningInto(st.running, key, st.out.acc) ? st.out.acc : null;
}

/** Writes key's row of window k; the writer's frame holds the watermark already (see setFrame). */
function write(st: SlicedWindowState, acc: ScalarAcc, k: number, key: number, revision: number): void {
  const outputs = st.config.plan.outputs;
  for (let o = 0; o < outputs.length; o++) st.out.values[o] = scalarResult(acc, outputs[o]!);
  setFrame(st, k);
  writeFramedResult(st.writer, key, st.out.values, revision);
}

/**
 * Result rows leave in batches of about this many while windows fire: the
 * end of input (or a long-stalled watermark) fires many windows at once, and
 * collecting all their rows in one batch grew the writer's arrays again and
 * again and copied them out as fresh arrays of a size that cost several ns a
 * row to allocate. Rows and their order do not change, only the cuts.
 */
const RESULT_CHUNK = 1024;

/** Fires window k for every key that has rows in it (revision 0). */
export function emitWindow(st: SlicedWindowState, ctx: OperatorContext, k: number, watermarkBefore: number): void {
  const keyCount = st.keyTable.values.length;
  const track = st.config.lateness > 0;
  const firings = track ? new Int32Array(st.store.keyCap) : null;
  // Hopping windows slide the running window; CUMULATE windows of one period grow it (see moveRunningWindow).
  const useRunning = st.shape.n > 1 && st.out.incremental;
  if (useRunning) moveRunningWindow(st.running, st.store, firstSliceOf(st.shape, k), endSliceOf(st.shape, k));
  const bases = useRunning ? [] : sliceBases(st, k);
  // A window of one slice in direct mode (every tumbling window of a dashboard aggregate) is read in place.
  const directRows = st.out.directRows;
  // A plan has direct rows exactly when its store is direct (see directFold).
  const directCell = !useRunning && bases.length === 1 && directRows !== null ? bases[0]! : -1;
  const count = st.store.count;
  st.writer.frame[WATERMARK] = watermarkBefore;
  // A traced node keeps its results until the batch's rows trace has gone out, so a timeline sees each event before the result it made.
  const chunk = ctx.trace === null ? RESULT_CHUNK : Infinity;
  let fired = 0;
  for (let key = 0; key < keyCount; key++) {
    if (directCell >= 0) {
      if (count[(directCell + key) * st.store.stride] === 0) continue;
      writeDirect(st, directRows!, directCell + key, k, key, 0);
    } else {
      const acc = useRunning ? gatherFromRunning(st, key) : gatherFromSlices(st, bases, key);
      if (acc === null) continue;
      write(st, acc, k, key, 0);
    }
    if (firings !== null) firings[key] = 1;
    fired++;
    if (pendingResults(st.writer) >= chunk) ctx.emit('out', takeResults(st.writer, st.watermark));
  }
  if (firings !== null && fired > 0) st.out.fired.set(k, firings);
  if (ctx.trace !== null && fired > 0) {
    ctx.trace({ type: 'fired', nodeId: ctx.nodeId, windowStart: windowStart(st.shape, k), windowEnd: windowEnd(st.shape, k), watermark: st.watermark, keys: fired });
  }
}

/**
 * Re-fires window k for one key after a late event within allowed lateness
 * updated it. `bases` (see sliceBases) may be given when the caller knows them.
 */
export function emitRevision(st: SlicedWindowState, ctx: OperatorContext, k: number, key: number, bases: readonly number[] = sliceBases(st, k)): void {
  // A window of one slice in direct mode is read straight from the store (see writeDirect).
  const directRows = st.out.directRows;
  const direct = bases.length === 1 && directRows !== null;
  const acc = direct ? null : gatherFromSlices(st, bases, key);
  if (direct ? st.store.count[(bases[0]! + key) * st.store.stride] === 0 : acc === null) return;
  const revision = nextRevision(st.out, k, key, st.store.keyCap);
  st.writer.frame[WATERMARK] = st.watermark;
  if (acc === null) writeDirect(st, directRows!, bases[0]! + key, k, key, revision);
  else write(st, acc, k, key, revision);
  if (ctx.trace !== null) {
    ctx.trace({ type: revision === 0 ? 'fired' : 'revised', nodeId: ctx.nodeId, windowStart: windowStart(st.shape, k), windowEnd: windowEnd(st.shape, k), watermark: st.watermark, keys: key });
  }
}
