import type { AggregatePlan } from '../aggregate/plan';
import type { ScalarAcc } from '../aggregate/scalarAcc';
import { addToComplexCell, createComplexCell, mergeComplex, type ComplexCell } from '../aggregate/complexCells';
import { addMoment, Moments, mergeMoments } from '../aggregate/moments';
import { combineValue, foldValue } from '../aggregate/valuePartOps';
import { VALUE_PARTS } from '../aggregate/valueParts';
import { COUNT, END, FIRINGS, FIRST_LAST, KEY, MAX, MIN, MOMENTS, N, PARTS, sessionLayout, START, SUM, VALUES } from './sessionLayout';

export { END, FIRINGS, KEY, START } from './sessionLayout';

/**
 * The open sessions of every key, as plain data. Each session is a record of
 * `width` numbers at slot * width in one Float64Array (bounds, key,
 * firings, row count and per measured field the parts the plan needs of n,
 * sum, variance partials (aggregate/moments), min, max, first and last value and time: see
 * sessionLayout), and a key's sessions are a list, ascending
 * by start, linked through `next`. An object per session (and a Map and a
 * boxed number per field) made every event chase pointers through scattered
 * memory: with 100,000 keys that was most of the session operator's time.
 */
export class SessionStore {
  readonly width: number;
  /** Per field and part, its offset in a record or -1 (see sessionLayout). */
  readonly offsets: Int32Array;
  records: Float64Array = new Float64Array(0);
  /** Per slot, the same key's next session, or -1. */
  next: Int32Array = new Int32Array(0);
  /** Per key id, its earliest session's slot, or -1. */
  head: Int32Array = new Int32Array(0);
  /** Distinct values and sketches, at slot * fields + f, for plans that need them (null otherwise). */
  readonly complex: (ComplexCell | undefined)[] | null;
  readonly freeSlots: number[] = [];

  /** A class, not an object literal: see FastRun (fastFold) for why. */
  constructor(readonly plan: AggregatePlan) {
    const { width, offsets } = sessionLayout(plan);
    this.width = width;
    this.offsets = offsets;
    this.complex = plan.fields.some((f) => f.needs.distinct || f.needs.hll || f.needs.sketch) ? [] : null;
  }
}

/** Creates an empty store for `plan`. */
export function createSessionStore(plan: AggregatePlan): SessionStore {
  const store = new SessionStore(plan);
  growSlots(store, 64);
  return store;
}

function growSlots(store: SessionStore, slots: number): void {
  const old = store.next.length;
  const records = new Float64Array(slots * store.width);
  records.set(store.records);
  const next = new Int32Array(slots).fill(-1);
  next.set(store.next);
  store.records = records;
  store.next = next;
  for (let s = slots - 1; s >= old; s--) store.freeSlots.push(s);
}

/** Makes room for key ids up to `maxKey`. */
export function ensureSessionKeys(store: SessionStore, maxKey: number): void {
  if (maxKey < store.head.length) return;
  const head = new Int32Array(Math.max(maxKey + 1, store.head.length * 2, 64)).fill(-1);
  head.set(store.head);
  store.head = head;
}

/** A fresh session [start, end) with no rows, linked after `prev` (-1: first) in key's list; returns its slot. */
export function openSession(store: SessionStore, key: number, prev: number, start: number, end: number): number {
  if (store.freeSlots.length === 0) growSlots(store, store.next.length * 2);
  const slot = store.freeSlots.pop()!;
  const r = store.records;
  const b = slot * store.width;
  r[b + START] = start;
  r[b + END] = end;
  r[b + KEY] = key;
  r[b + FIRINGS] = 0;
  r[b + COUNT] = 0;
  const { offsets } = store;
  for (let o = 0; o < offsets.length; o += PARTS) {
    r[b + offsets[o + N]!] = 0;
    if (offsets[o + SUM]! >= 0) r[b + offsets[o + SUM]!] = 0;
    const m = offsets[o + MOMENTS]!;
    if (m >= 0) r.fill(0, b + m, b + m + 3);
    if (offsets[o + MIN]! >= 0) r[b + offsets[o + MIN]!] = Infinity;
    if (offsets[o + MAX]! >= 0) r[b + offsets[o + MAX]!] = -Infinity;
    const p = offsets[o + FIRST_LAST]!;
    if (p >= 0) {
      r[b + p] = NaN; r[b + p + 1] = Infinity; r[b + p + 2] = NaN; r[b + p + 3] = -Infinity;
    }
    for (let i = 0; i < VALUE_PARTS.length; i++) if (offsets[o + VALUES + i]! >= 0) r[b + offsets[o + VALUES + i]!] = VALUE_PARTS[i]!.identity;
  }
  if (prev < 0) {
    store.next[slot] = store.head[key]!;
    store.head[key] = slot;
  } else {
    store.next[slot] = store.next[prev]!;
    store.next[prev] = slot;
  }
  return slot;
}

/** Unlinks the session at `slot` from key's list and frees the slot. */
export function closeSession(store: SessionStore, key: number, slot: number): void {
  let prev = -1;
  for (let s = store.head[key]!; s !== slot; s = store.next[s]!) prev = s;
  if (prev < 0) store.head[key] = store.next[slot]!;
  else store.next[prev] = store.next[slot]!;
  store.next[slot] = -1;
  if (store.complex !== null) for (let f = 0; f < store.plan.fields.length; f++) store.complex[slot * store.plan.fields.length + f] = undefined;
  store.freeSlots.push(slot);
}

/** Where a record's variance partials are updated and merged (see aggregate/moments). */
const scratch = new Moments();

/** Adds row `row` (values[f][row] per field, NaN when missing, at event time t) to a session. */
export function addRowToSession(store: SessionStore, slot: number, values: readonly Float64Array[], row: number, t: number): void {
  const { records: r, offsets } = store;
  const b = slot * store.width;
  r[b + COUNT]!++;
  const fields = store.plan.fields;
  // Read once per row, not per field: this runs for every event of a session window.
  const valueParts = VALUE_PARTS.length;
  for (let f = 0; f < fields.length; f++) {
    const v = values[f]![row]!;
    if (v !== v) continue;
    const o = f * PARTS;
    const n = ++r[b + offsets[o + N]!]!;
    let p = offsets[o + SUM]!;
    if (p >= 0) r[b + p]! += v;
    p = b + offsets[o + MOMENTS]!;
    // Welford's update (aggregate/moments) on the record's shift, shifted mean and M2.
    if (p >= b) {
      scratch.shift = r[p]!; scratch.shiftedMean = r[p + 1]!; scratch.m2 = r[p + 2]!;
      addMoment(scratch, n, v);
      r[p] = scratch.shift; r[p + 1] = scratch.shiftedMean; r[p + 2] = scratch.m2;
    }
    p = offsets[o + MIN]!;
    if (p >= 0 && v < r[b + p]!) r[b + p] = v;
    p = offsets[o + MAX]!;
    if (p >= 0 && v > r[b + p]!) r[b + p] = v;
    p = b + offsets[o + FIRST_LAST]!;
    if (p >= b) {
      if (t < r[p + 1]!) { r[p] = v; r[p + 1] = t; }
      if (t >= r[p + 3]!) { r[p + 2] = v; r[p + 3] = t; }
    }
    for (let i = 0; i < valueParts; i++) {
      p = offsets[o + VALUES + i]!;
      if (p >= 0) r[b + p] = foldValue(i, r[b + p]!, v);
    }
    const needs = fields[f]!.needs;
    if (store.complex !== null && (needs.distinct || needs.hll || needs.sketch)) {
      addToComplexCell((store.complex[slot * fields.length + f] ??= createComplexCell(needs)), v);
    }
  }
}


/** Folds the session at `from` into the one at `into` (as mergeScalarAcc would), keeping the larger firings. */
export function mergeSessions(store: SessionStore, into: number, from: number): void {
  const { records: r, offsets } = store;
  const a = into * store.width;
  const b = from * store.width;
  r[a + COUNT]! += r[b + COUNT]!;
  r[a + FIRINGS] = Math.max(r[a + FIRINGS]!, r[b + FIRINGS]!);
  const fields = store.plan.fields.length;
  for (let f = 0; f < fields; f++) {
    const o = f * PARTS;
    const theirN = r[b + offsets[o + N]!]!;
    const ourN = r[a + offsets[o + N]!]!;
    r[a + offsets[o + N]!] = ourN + theirN;
    let p = offsets[o + SUM]!;
    if (p >= 0) r[a + p]! += r[b + p]!;
    p = offsets[o + MOMENTS]!;
    if (p >= 0) {
      scratch.shift = r[a + p]!; scratch.shiftedMean = r[a + p + 1]!; scratch.m2 = r[a + p + 2]!;
      mergeMoments(scratch, ourN, theirN, r[b + p]!, r[b + p + 1]!, r[b + p + 2]!);
      r[a + p] = scratch.shift; r[a + p + 1] = scratch.shiftedMean; r[a + p + 2] = scratch.m2;
    }
    p = offsets[o + MIN]!;
    if (p >= 0 && r[b + p]! < r[a + p]!) r[a + p] = r[b + p]!;
    p = offsets[o + MAX]!;
    if (p >= 0 && r[b + p]! > r[a + p]!) r[a + p] = r[b + p]!;
    p = offsets[o + FIRST_LAST]!;
    if (p >= 0) {
      if (r[b + p + 1]! < r[a + p + 1]!) { r[a + p] = r[b + p]!; r[a + p + 1] = r[b + p + 1]!; }
      if (r[b + p + 3]! >= r[a + p + 3]! && theirN > 0) { r[a + p + 2] = r[b + p + 2]!; r[a + p + 3] = r[b + p + 3]!; }
    }
    for (let i = 0; i < VALUE_PARTS.length; i++) {
      p = offsets[o + VALUES + i]!;
      if (p >= 0) r[a + p] = combineValue(i, r[a + p]!, r[b + p]!);
    }
    if (store.complex !== null) {
      const theirs = store.complex[from * fields + f];
      if (theirs === undefined) continue;
      const ours = store.complex[into * fields + f];
      // The merged-away session is freed next: its cell can simply change hands.
      if (ours === undefined) store.complex[into * fields + f] = theirs;
      else mergeComplex(ours, theirs);
    }
  }
}

/**
 * Loads a session's partials into `acc` for scalarResult. Distinct sets and
 * sketches are lent, not copied: `acc` is only read before the next load.
 * Parts the plan does not need are left as they are (scalarResult reads none).
 */
export function loadSession(store: SessionStore, slot: number, acc: ScalarAcc): void {
  const { records: r, offsets } = store;
  const b = slot * store.width;
  acc.count = r[b + COUNT]!;
  for (let f = 0; f < acc.fields.length; f++) {
    const a = acc.fields[f]!;
    const o = f * PARTS;
    a.n = r[b + offsets[o + N]!]!;
    let p = offsets[o + SUM]!;
    if (p >= 0) a.sum = r[b + p]!;
    p = offsets[o + MOMENTS]!;
    if (p >= 0) {
      a.shift = r[b + p]!; a.shiftedMean = r[b + p + 1]!; a.m2 = r[b + p + 2]!;
    }
    p = offsets[o + MIN]!;
    if (p >= 0) a.min = r[b + p]!;
    p = offsets[o + MAX]!;
    if (p >= 0) a.max = r[b + p]!;
    p = offsets[o + FIRST_LAST]!;
    if (p >= 0) {
      a.firstV = r[b + p]!; a.firstT = r[b + p + 1]!; a.lastV = r[b + p + 2]!; a.lastT = r[b + p + 3]!;
    }
    for (let i = 0; i < VALUE_PARTS.length; i++) {
      p = offsets[o + VALUES + i]!;
      if (p >= 0) a.values[i] = r[b + p]!;
    }
    const cell = store.complex?.[slot * acc.fields.length + f];
    // Without a cell the field has no present value (n = 0), and scalarResult reads none of these.
    a.distinct = cell?.distinct ?? null;
    a.hll = cell?.hll ?? null;
    a.sketch = cell?.sketch ?? null;
  }
}

/** Where warmSessions leaves what it read, so the reads are not optimised away. */
const warmed = new Float64Array(1);

/**
 * Reads, for rows `rows[from..to)`, their key's first session record, both
 * ends of it, and nothing else. With 100,000 keys the row loop found the
 * key's list head and then its record missing from the cache on nearly every
 * row, and stood still for one miss after the other. Here the reads of
 * different rows do not depend on each other, so the processor has them in
 * flight at once, and the row loop then finds them cached: P4 ran 7-20%
 * faster. Nothing read here decides anything.
 */
export function warmSessions(store: SessionStore, keys: Int32Array, rows: Int32Array, from: number, to: number): void {
  const { head, records, width } = store;
  let sum = 0;
  for (let j = from; j < to; j++) {
    const slot = head[keys[rows[j]!]!]!;
    if (slot >= 0) sum += records[slot * width]! + records[slot * width + width - 1]!;
  }
  warmed[0] = sum;
}
