import type { AggregatePlan } from '../aggregate/plan';
import { createScalarAcc, resetScalarAcc, scalarResult, type ScalarAcc } from '../aggregate/scalarAcc';
import { pendingResults, takeResults, WATERMARK, writeFramedResult } from '../aggregate/resultWriter';
import type { OperatorContext } from '../operators/types';
import { loadRunningInto, moveRunningWindow } from './runningWindow';
import { createDirectRows, setFrame, writeDirect, type DirectRows } from './directRows';
import { loadCellInto, mergeCellInto } from './sliceStore';
import type { SlicedWindowState } from './slicedWindowOperator';

/** Scratch space and firing history for turning slices into result rows. A class, not an object literal: see FastRun (fastFold) for why. */
export class WindowEmitter {
  readonly acc: ScalarAcc;
  /** A window of one slice is read straight from its cell through this view (see loadCellInto); never reset it. */
  readonly view: ScalarAcc;
  /** Scratch for the bases of a window of one known slice. */
  readonly oneBase: number[] = [0];
  readonly values: Float64Array;
  /** Firings per key of windows that fired and are still within allowed lateness, by window index (ascending). */
  readonly fired = new Map<number, Int32Array>();
  /** Windows traced as opened (kept only while tracing). */
  readonly opened = new Set<number>();
  /** True when every aggregation can be kept incrementally while the window slides. */
  readonly incremental: boolean;
  /**
   * Entries of `fired` that revisions used lately, direct-mapped by window
   * index & 7: late events come in clusters on the few newest fired windows,
   * and a Map lookup per revision showed. Entries of expired windows are
   * dropped with them (see forgetFired).
   */
  readonly recentWindow = new Float64Array(8).fill(NaN);
  readonly recentFirings: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(8).fill(undefined);
  /** How rows of a direct plan are read from their cells (see directRows); null for other plans, whose stores are not direct either. */
  readonly directRows: DirectRows | null;

  constructor(plan: AggregatePlan) {
    this.acc = createScalarAcc(plan);
    this.view = createScalarAcc(plan);
    this.values = new Float64Array(plan.outputs.length);
    this.incremental = plan.fields.every((f) => !f.needs.firstLast && !f.needs.distinct && !f.needs.hll && !f.needs.sketch);
    this.directRows = createDirectRows(plan);
  }
}

/** Drops window k's firings (it expired) from the cache of recent ones. */
export function forgetFired(out: WindowEmitter, k: number): void {
  out.fired.delete(k);
  if (out.recentWindow[k & 7] === k) {
    out.recentWindow[k & 7] = NaN;
    out.recentFirings[k & 7] = undefined;
  }
}

/** Creates the emitter for a plan. */
export function createWindowEmitter(plan: AggregatePlan): WindowEmitter {
  return new WindowEmitter(plan);
}

function windowBounds(st: SlicedWindowState, k: number): [number, number] {
  const start = st.config.offset + k * st.config.slide;
  return [start, start + st.config.size];
}

/** The cell index of key 0 in each live slice of window k, found once per firing rather than once per key. */
function sliceBases(st: SlicedWindowState, k: number): number[] {
  const from = k * st.m;
  const to = from + st.n;
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
  const useRunning = st.n > 1 && st.out.incremental;
  if (useRunning) moveRunningWindow(st.running, st.store, k * st.m, k * st.m + st.n);
  const bases = useRunning ? [] : sliceBases(st, k);
  // A window of one slice in direct mode (every tumbling window of a dashboard aggregate) is read in place.
  const directRows = st.out.directRows;
  // A plan has direct rows exactly when its store is direct (see directFold).
  const directCell = !useRunning && bases.length === 1 && directRows !== null ? bases[0]! : -1;
  const count = st.store.count;
  st.writer.frame[WATERMARK] = watermarkBefore;
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
    if (pendingResults(st.writer) >= RESULT_CHUNK) ctx.emit('out', takeResults(st.writer, st.watermark));
  }
  if (firings !== null && fired > 0) st.out.fired.set(k, firings);
  if (ctx.trace !== null && fired > 0) {
    const [start, end] = windowBounds(st, k);
    ctx.trace({ type: 'fired', nodeId: ctx.nodeId, windowStart: start, windowEnd: end, watermark: st.watermark, keys: fired });
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
    const [start, end] = windowBounds(st, k);
    ctx.trace({ type: revision === 0 ? 'fired' : 'revised', nodeId: ctx.nodeId, windowStart: start, windowEnd: end, watermark: st.watermark, keys: key });
  }
}

/**
 * Key's revision number for its next row of fired window k, counted on: 0 for
 * a window that fired without the key (its first row is this revision).
 * `keyCap` sizes a new firing array.
 */
export function nextRevision(out: WindowEmitter, k: number, key: number, keyCap: number): number {
  const h = k & 7;
  let firings = out.recentWindow[h] === k ? out.recentFirings[h] : out.fired.get(k);
  if (firings === undefined) {
    firings = new Int32Array(keyCap);
    insertInOrder(out.fired, k, firings);
  } else if (firings.length <= key) {
    const grown = new Int32Array(keyCap);
    grown.set(firings);
    out.fired.set(k, grown);
    firings = grown;
  }
  out.recentWindow[h] = k;
  out.recentFirings[h] = firings;
  const revision = firings[key]!;
  firings[key] = revision + 1;
  return revision;
}

/** Keeps the map's iteration order ascending by window index (expiry walks it from the front). */
function insertInOrder(map: Map<number, Int32Array>, k: number, value: Int32Array): void {
  const entries = [...map.entries(), [k, value] as [number, Int32Array]].sort((a, b) => a[0] - b[0]);
  map.clear();
  for (const [key, v] of entries) map.set(key, v);
}
