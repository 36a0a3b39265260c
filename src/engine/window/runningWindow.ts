import { mergeMoments, Moments } from '../aggregate/moments';
import type { ScalarAcc } from '../aggregate/scalarAcc';
import type { FieldSlices, SliceStore } from './sliceStore';

/** Numbers per key of the moment stacks: n, shift, shifted mean, M2 (see aggregate/moments). */
const M = 4;

/**
 * Running partials of one field across the slices of the current window. A
 * class, not an object literal: see FastRun (fastFold) for why.
 *
 * `n` adds entering slices and subtracts leaving ones: it counts, and
 * integers up to 2^53 add and subtract exactly. Sums, moments, min and max
 * live on two stacks instead (see RunningWindow), which never subtract: a
 * sum that added 1e12 and took it away again keeps the rounding of both, and
 * moments have no inverse that survives rounding at all.
 */
export class RunningField {
  readonly n: Float64Array;
  /** Back stack: the slices pushed since the last flip, combined per key. */
  readonly backSum: Float64Array | null;
  readonly backMin: Float64Array | null;
  readonly backMax: Float64Array | null;
  /** M numbers per key. */
  readonly backMoments: Float64Array | null;
  /** Front stack: suffix aggregates at (position - frontBase) * keyCap + key (moments: times M), reused from flip to flip. */
  suffixSum: Float64Array | null = null;
  suffixMin: Float64Array | null = null;
  suffixMax: Float64Array | null = null;
  suffixMoments: Float64Array | null = null;

  constructor(fs: FieldSlices, keyCap: number) {
    this.n = new Float64Array(keyCap);
    this.backSum = fs.sum === null ? null : new Float64Array(keyCap);
    this.backMin = fs.min === null ? null : new Float64Array(keyCap).fill(Infinity);
    this.backMax = fs.max === null ? null : new Float64Array(keyCap).fill(-Infinity);
    this.backMoments = fs.m2 === null ? null : new Float64Array(keyCap * M);
  }
}

/**
 * The aggregate of the window currently being fired, kept incrementally as the
 * window slides, with two stacks (amortised O(1) per slide, no inverse): new
 * slices are combined into the back stack; when the front stack runs empty,
 * a flip turns the slices still in the window into the front stack by
 * computing, from the store, the aggregate of every suffix of them. The window
 * is the front's suffix from its oldest live slice combined with the back.
 * Each window is so combined from its own slices only, whatever left before:
 * no error carries over from slices that left. Counts add and subtract. A late
 * event marks it dirty, and the next slide rebuilds it from the slices.
 */
export class RunningWindow {
  /** NaN, a double, until the first reset: slice indices of epoch times outgrow small integers (see FastRun in fastFold). */
  lo = NaN;
  hi = NaN;
  /** Live slices inside [lo, hi), ascending; slices[head] is the oldest. */
  slices: number[] = [];
  head = 0;
  /** slices[frontBase..frontEnd) form the front stack, slices[frontEnd..) the back. */
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

/** Where moments kept in typed arrays are combined (see foldMoments). */
const scratch = new Moments();

/** Folds the moments of n values into the M numbers at dst[i..] (see aggregate/moments). */
function foldMoments(dst: Float64Array, i: number, n: number, shift: number, shiftedMean: number, m2: number): void {
  if (n === 0) return;
  const own = dst[i]!;
  scratch.shift = dst[i + 1]!;
  scratch.shiftedMean = dst[i + 2]!;
  scratch.m2 = dst[i + 3]!;
  mergeMoments(scratch, own, n, shift, shiftedMean, m2);
  dst[i] = own + n;
  dst[i + 1] = scratch.shift;
  dst[i + 2] = scratch.shiftedMean;
  dst[i + 3] = scratch.m2;
}

/** The slot base of slice s: part p of key k is at (base + k) * stride + p's offset (see cellLayout). */
function baseOf(store: SliceStore, s: number): number {
  return store.slotOf.get(s)! * store.keyCap * store.stride;
}

/** A slice enters: counts add, and the back stack combines it in. */
function pushSlice(run: RunningWindow, store: SliceStore, s: number): void {
  const K = run.keyCap;
  const S = store.stride;
  const base = baseOf(store, s);
  const count = run.count;
  for (let k = 0; k < K; k++) count[k]! += store.count[base + k * S]!;
  store.fields.forEach((fs, f) => {
    const rf = run.fields[f]!;
    const { nAt, sumAt, minAt, maxAt } = fs;
    for (let k = 0; k < K; k++) rf.n[k]! += fs.n[base + k * S + nAt]!;
    if (rf.backSum !== null) for (let k = 0; k < K; k++) rf.backSum[k]! += fs.sum![base + k * S + sumAt]!;
    if (rf.backMin !== null) for (let k = 0; k < K; k++) rf.backMin[k] = Math.min(rf.backMin[k]!, fs.min![base + k * S + minAt]!);
    if (rf.backMax !== null) for (let k = 0; k < K; k++) rf.backMax[k] = Math.max(rf.backMax[k]!, fs.max![base + k * S + maxAt]!);
    // Stores with moments are not direct: stride 1, every part indexed by cell.
    if (rf.backMoments !== null) {
      for (let k = 0; k < K; k++) foldMoments(rf.backMoments, k * M, fs.n[base + k]!, fs.shift![base + k]!, fs.shiftedMean![base + k]!, fs.m2![base + k]!);
    }
  });
}

/** The oldest slice leaves: only counts change, the front stack's next suffix no longer holds it. */
function popSlice(run: RunningWindow, store: SliceStore, s: number): void {
  const K = run.keyCap;
  const S = store.stride;
  const base = baseOf(store, s);
  const count = run.count;
  for (let k = 0; k < K; k++) count[k]! -= store.count[base + k * S]!;
  store.fields.forEach((fs, f) => {
    const n = run.fields[f]!.n;
    for (let k = 0; k < K; k++) n[k]! -= fs.n[base + k * S + fs.nAt]!;
  });
  run.head++;
}

/** `a` if it holds `size` numbers, else a larger array (contents not kept: a flip writes every number it reads). */
function room(a: Float64Array | null, size: number): Float64Array {
  return a !== null && a.length >= size ? a : new Float64Array(Math.max(size, (a?.length ?? 0) * 2));
}

const ADD = 0;
const MIN = 1;
const MAX = 2;

/**
 * Fills `suffix` with the front stack's suffix aggregates of one part (`op`:
 * ADD, MIN or MAX) read from `src` at offset `at`: row j (K numbers, one per
 * key) combines the slices at bases[j..], newest first. Returns `suffix`.
 */
function suffixesOf(suffix: Float64Array, src: Float64Array, bases: readonly number[], at: number, K: number, S: number, op: number): Float64Array {
  const last = bases.length - 1;
  for (let j = last; j >= 0; j--) {
    const b = bases[j]! + at;
    const row = j * K;
    if (j === last) {
      for (let k = 0; k < K; k++) suffix[row + k] = src[b + k * S]!;
      continue;
    }
    for (let k = 0; k < K; k++) {
      const x = src[b + k * S]!;
      const below = suffix[row + K + k]!;
      suffix[row + k] = op === ADD ? x + below : op === MIN ? Math.min(x, below) : Math.max(x, below);
    }
  }
  return suffix;
}

/** Turns the back stack into the front stack: suffix aggregates from the newest slice down, read from the store. */
function flip(run: RunningWindow, store: SliceStore): void {
  const K = run.keyCap;
  const S = store.stride;
  const len = run.slices.length - run.head;
  run.frontBase = run.head;
  run.frontEnd = run.slices.length;
  const bases = run.slices.slice(run.head).map((s) => baseOf(store, s));
  store.fields.forEach((fs, f) => {
    const rf = run.fields[f]!;
    if (rf.backSum !== null) {
      rf.suffixSum = suffixesOf(room(rf.suffixSum, len * K), fs.sum!, bases, fs.sumAt, K, S, ADD);
      rf.backSum.fill(0);
    }
    if (rf.backMin !== null) {
      rf.suffixMin = suffixesOf(room(rf.suffixMin, len * K), fs.min!, bases, fs.minAt, K, S, MIN);
      rf.backMin.fill(Infinity);
    }
    if (rf.backMax !== null) {
      rf.suffixMax = suffixesOf(room(rf.suffixMax, len * K), fs.max!, bases, fs.maxAt, K, S, MAX);
      rf.backMax.fill(-Infinity);
    }
    if (rf.backMoments !== null) {
      const suffix = (rf.suffixMoments = room(rf.suffixMoments, len * K * M));
      for (let j = len - 1; j >= 0; j--) {
        const b = bases[j]!;
        for (let k = 0; k < K; k++) {
          const i = (j * K + k) * M;
          suffix[i] = fs.n[b + k]!;
          suffix[i + 1] = fs.shift![b + k]!;
          suffix[i + 2] = fs.shiftedMean![b + k]!;
          suffix[i + 3] = fs.m2![b + k]!;
          const o = i + K * M;
          if (j + 1 < len) foldMoments(suffix, i, suffix[o]!, suffix[o + 1]!, suffix[o + 2]!, suffix[o + 3]!);
        }
      }
      rf.backMoments.fill(0);
    }
  });
}

/** Slides the running window to cover slices [lo, hi). */
export function moveRunningWindow(run: RunningWindow, store: SliceStore, lo: number, hi: number): void {
  if (run.dirty || lo >= run.hi || run.keyCap !== store.keyCap) reset(run, store, lo);
  while (run.head < run.slices.length && run.slices[run.head]! < lo) popSlice(run, store, run.slices[run.head]!);
  for (const s of store.live) {
    if (s < run.hi || s < lo) continue;
    if (s >= hi) break;
    pushSlice(run, store, s);
    run.slices.push(s);
  }
  run.lo = lo;
  run.hi = hi;
  // Slices that left from the back stack are still in its aggregates: the flip rebuilds from the live ones.
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
 * frees the oldest slices, which are at the head of the front stack. A slice
 * in the back stack cannot simply leave it (no inverse): the window is marked
 * for a rebuild instead.
 */
export function evictBeforeFree(run: RunningWindow, store: SliceStore, s: number): void {
  if (run.dirty || s < run.lo || s >= run.hi) return;
  if (run.head < run.frontEnd && run.slices[run.head] === s) popSlice(run, store, s);
  else run.dirty = true;
}

/**
 * Loads key's aggregate over the current window into `acc` (the parts a
 * running window keeps: count, n, sum, moments, min, max); false when the key
 * has no rows in it.
 */
export function loadRunningInto(run: RunningWindow, key: number, acc: ScalarAcc): boolean {
  acc.count = run.count[key]!;
  if (acc.count <= 0) return false;
  const front = run.head < run.frontEnd;
  const at = (run.head - run.frontBase) * run.keyCap + key;
  // A plain loop, not forEach: this runs once per key of every firing.
  for (let f = 0; f < run.fields.length; f++) {
    const rf = run.fields[f]!;
    const a = acc.fields[f]!;
    a.n = rf.n[key]!;
    a.sum = rf.backSum === null ? 0 : front ? rf.suffixSum![at]! + rf.backSum[key]! : rf.backSum[key]!;
    a.min = rf.backMin === null ? Infinity : front ? Math.min(rf.suffixMin![at]!, rf.backMin[key]!) : rf.backMin[key]!;
    a.max = rf.backMax === null ? -Infinity : front ? Math.max(rf.suffixMax![at]!, rf.backMax[key]!) : rf.backMax[key]!;
    const back = rf.backMoments;
    if (back === null) continue;
    const b = key * M;
    if (front) {
      const i = at * M;
      const s = rf.suffixMoments!;
      a.shift = s[i + 1]!; a.shiftedMean = s[i + 2]!; a.m2 = s[i + 3]!;
      mergeMoments(a, s[i]!, back[b]!, back[b + 1]!, back[b + 2]!, back[b + 3]!);
    } else {
      a.shift = back[b + 1]!; a.shiftedMean = back[b + 2]!; a.m2 = back[b + 3]!;
    }
  }
  return true;
}
