import type { FieldSlices, SliceStore } from './sliceStore';

/** Running partials of one field across the slices of the current window. A class, not an object literal: see FastRun (fastFold) for why. */
class RunningField {
  readonly n: Float64Array;
  readonly sum: Float64Array | null;
  readonly sumSq: Float64Array | null;
  /** Two-stacks min/max: aggregates of the back stack, per key. */
  readonly backMin: Float64Array | null;
  readonly backMax: Float64Array | null;
  /** Suffix aggregates of the front stack: (position - frontBase) * keyCap + key. */
  suffixMin: Float64Array | null = null;
  suffixMax: Float64Array | null = null;

  constructor(fs: FieldSlices, keyCap: number) {
    this.n = new Float64Array(keyCap);
    this.sum = fs.sum === null ? null : new Float64Array(keyCap);
    this.sumSq = fs.sumSq === null ? null : new Float64Array(keyCap);
    this.backMin = fs.min === null ? null : new Float64Array(keyCap).fill(Infinity);
    this.backMax = fs.max === null ? null : new Float64Array(keyCap).fill(-Infinity);
  }
}

/**
 * The aggregate of the window currently being fired, kept incrementally as the
 * window slides: count, sum and sum of squares add the entering slices and
 * subtract the leaving ones; min and max use two stacks (amortised O(1) per
 * slide). A late event marks it dirty, and the next slide rebuilds it from the slices.
 */
export class RunningWindow {
  /** NaN, a double, until the first reset: slice indices of epoch times outgrow small integers (see FastRun in fastFold). */
  lo = NaN;
  hi = NaN;
  /** Live slices inside [lo, hi), ascending; slices[head] is the oldest. */
  slices: number[] = [];
  head = 0;
  /** slices[head..frontEnd) form the front stack. */
  frontEnd = 0;
  frontBase = 0;
  keyCap: number;
  count: Float64Array;
  fields: RunningField[];
  dirty = true;

  constructor(store: SliceStore) {
    this.keyCap = store.keyCap;
    this.count = new Float64Array(store.keyCap);
    this.fields = createFields(store, store.keyCap);
  }
}

function createFields(store: SliceStore, keyCap: number): RunningField[] {
  return store.fields.map((fs) => new RunningField(fs, keyCap));
}

/** Creates an empty running window. */
export function createRunningWindow(store: SliceStore): RunningWindow {
  return new RunningWindow(store);
}

function reset(run: RunningWindow, store: SliceStore, lo: number): void {
  run.keyCap = store.keyCap;
  run.count = new Float64Array(store.keyCap);
  run.fields = createFields(store, store.keyCap);
  run.slices = [];
  run.head = 0;
  run.frontEnd = 0;
  run.frontBase = 0;
  run.lo = lo;
  run.hi = lo;
  run.dirty = false;
}

/**
 * Adds (sign 1) or subtracts (sign -1) a slice's count, n, sum and sum of
 * squares. Part p of key k is at (base + k) * stride + p's offset (see cellLayout).
 */
function applySlice(run: RunningWindow, store: SliceStore, s: number, sign: number): void {
  const K = run.keyCap;
  const S = store.stride;
  const base = store.slotOf.get(s)! * store.keyCap * S;
  const count = run.count;
  for (let k = 0; k < K; k++) count[k]! += sign * store.count[base + k * S]!;
  store.fields.forEach((fs, f) => {
    const rf = run.fields[f]!;
    const { nAt, sumAt, minAt, maxAt } = fs;
    for (let k = 0; k < K; k++) rf.n[k]! += sign * fs.n[base + k * S + nAt]!;
    if (rf.sum !== null) for (let k = 0; k < K; k++) rf.sum[k]! += sign * fs.sum![base + k * S + sumAt]!;
    if (rf.sumSq !== null) for (let k = 0; k < K; k++) rf.sumSq[k]! += sign * fs.sumSq![base + k * S]!;
    if (sign > 0 && rf.backMin !== null) for (let k = 0; k < K; k++) rf.backMin[k] = Math.min(rf.backMin[k]!, fs.min![base + k * S + minAt]!);
    if (sign > 0 && rf.backMax !== null) for (let k = 0; k < K; k++) rf.backMax[k] = Math.max(rf.backMax[k]!, fs.max![base + k * S + maxAt]!);
  });
}

/** Turns the back stack into the front stack: suffix aggregates from the newest slice down. */
function flip(run: RunningWindow, store: SliceStore): void {
  const K = run.keyCap;
  const len = run.slices.length - run.head;
  run.frontBase = run.head;
  run.frontEnd = run.slices.length;
  store.fields.forEach((fs, f) => {
    const rf = run.fields[f]!;
    const S = store.stride;
    for (const [part, src, at, identity, pick] of [
      ['suffixMin', fs.min, fs.minAt, Infinity, Math.min],
      ['suffixMax', fs.max, fs.maxAt, -Infinity, Math.max],
    ] as const) {
      if (src === null) continue;
      const suffix = new Float64Array(len * K);
      for (let j = len - 1; j >= 0; j--) {
        const base = store.slotOf.get(run.slices[run.head + j]!)! * store.keyCap * S + at;
        for (let k = 0; k < K; k++) {
          const below = j + 1 < len ? suffix[(j + 1) * K + k]! : identity;
          suffix[j * K + k] = pick(src[base + k * S]!, below);
        }
      }
      rf[part] = suffix;
    }
    rf.backMin?.fill(Infinity);
    rf.backMax?.fill(-Infinity);
  });
}

/** Slides the running window to cover slices [lo, hi). */
export function moveRunningWindow(run: RunningWindow, store: SliceStore, lo: number, hi: number): void {
  if (run.dirty || lo >= run.hi || run.keyCap !== store.keyCap) reset(run, store, lo);
  while (run.head < run.slices.length && run.slices[run.head]! < lo) {
    applySlice(run, store, run.slices[run.head]!, -1);
    run.head++;
  }
  for (const s of store.live) {
    if (s < run.hi || s < lo) continue;
    if (s >= hi) break;
    applySlice(run, store, s, 1);
    run.slices.push(s);
  }
  run.lo = lo;
  run.hi = hi;
  if (run.head >= run.frontEnd) flip(run, store);
  if (run.head > 64 && run.head > run.slices.length / 2) compact(run);
}

/** Drops evicted slices from the array so it does not grow without bound. */
function compact(run: RunningWindow): void {
  const drop = Math.min(run.head, run.frontBase);
  run.slices.splice(0, drop);
  run.head -= drop;
  run.frontEnd -= drop;
  run.frontBase -= drop;
}

/**
 * Takes slice s out of the running window before the store frees it: expiry
 * frees the oldest slices, which are at the head of the front stack.
 */
export function evictBeforeFree(run: RunningWindow, store: SliceStore, s: number): void {
  if (run.dirty || s < run.lo || s >= run.hi) return;
  if (run.head < run.slices.length && run.slices[run.head] === s) {
    applySlice(run, store, s, -1);
    run.head++;
  } else run.dirty = true;
}

/** Minimum (which = 'min') or maximum of field f for key k over the current window. */
export function runningExtreme(run: RunningWindow, f: number, k: number, which: 'min' | 'max'): number {
  const rf = run.fields[f]!;
  const back = which === 'min' ? rf.backMin! : rf.backMax!;
  const suffix = which === 'min' ? rf.suffixMin : rf.suffixMax;
  const b = back[k]!;
  if (run.head >= run.frontEnd || suffix === null) return b;
  const s = suffix[(run.head - run.frontBase) * run.keyCap + k]!;
  return which === 'min' ? Math.min(s, b) : Math.max(s, b);
}
