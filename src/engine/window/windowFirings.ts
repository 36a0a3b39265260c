/**
 * The sliced window's firing history and the scratch for turning slices into
 * result rows: which windows fired for which keys (for revision numbers) and
 * what was traced. Plain data, kept in the operator's state (slicedState).
 */
import type { AggregatePlan } from '../aggregate/plan';
import { createScalarAcc, type ScalarAcc } from '../aggregate/scalarAcc';
import { createDirectRows, type DirectRows } from './directRowLayout';

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
  /** True when every aggregation can be kept incrementally while the window slides (see runningWindow; value partials, see valueParts, are not). */
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

  /** `fast`: false keeps neither a running window nor direct rows (see SlicedWindowOptions). */
  constructor(plan: AggregatePlan, fast: boolean) {
    this.acc = createScalarAcc(plan);
    this.view = createScalarAcc(plan);
    this.values = new Float64Array(plan.outputs.length);
    this.incremental = fast && plan.fields.every((f) => !f.needs.firstLast && !f.needs.distinct && !f.needs.hll && !f.needs.sketch && f.needs.values.length === 0);
    this.directRows = fast ? createDirectRows(plan) : null;
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
export function createWindowEmitter(plan: AggregatePlan, fast = true): WindowEmitter {
  return new WindowEmitter(plan, fast);
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
