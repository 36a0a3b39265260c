import type { AggregatePlan } from '../aggregate/plan';
import type { ScalarAcc } from '../aggregate/scalarAcc';
import { addToComplexCell, createComplexCell, mergeComplex, type ComplexCell } from '../aggregate/complexCells';

/** Record layout: a header, then FIELD_PARTS numbers per measured field. */
export const START = 0;
export const END = 1;
/** The session's key id: timers name a slot, and firing it needs the key. */
export const KEY = 2;
/** How many times it (or a session merged into it) has fired. */
export const FIRINGS = 3;
const COUNT = 4;
const HEADER = 5;
const N = 0, SUM = 1, SUM_SQ = 2, MIN = 3, MAX = 4, FIRST_V = 5, FIRST_T = 6, LAST_V = 7, LAST_T = 8;
const FIELD_PARTS = 9;

/**
 * The open sessions of every key, as plain data. Each session is a record of
 * `width` numbers at slot * width in one Float64Array (bounds, key,
 * firings, row count and per measured field n, sum, sum of squares, min, max,
 * first and last value and time), and a key's sessions are a list, ascending
 * by start, linked through `next`. An object per session (and a Map and a
 * boxed number per field) made every event chase pointers through scattered
 * memory: with 100,000 keys that was most of the session operator's time.
 */
export interface SessionStore {
  readonly plan: AggregatePlan;
  readonly width: number;
  records: Float64Array;
  /** Per slot, the same key's next session, or -1. */
  next: Int32Array;
  /** Per key id, its earliest session's slot, or -1. */
  head: Int32Array;
  /** Distinct values and sketches, at slot * fields + f, for plans that need them (null otherwise). */
  readonly complex: (ComplexCell | undefined)[] | null;
  readonly freeSlots: number[];
}

/** Creates an empty store for `plan`. */
export function createSessionStore(plan: AggregatePlan): SessionStore {
  const complex = plan.fields.some((f) => f.needs.distinct || f.needs.hll || f.needs.sketch);
  const store: SessionStore = {
    plan, width: HEADER + FIELD_PARTS * plan.fields.length,
    records: new Float64Array(0), next: new Int32Array(0), head: new Int32Array(0),
    complex: complex ? [] : null, freeSlots: [],
  };
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
  for (let p = b + HEADER; p < b + store.width; p += FIELD_PARTS) {
    r[p + N] = 0; r[p + SUM] = 0; r[p + SUM_SQ] = 0;
    r[p + MIN] = Infinity; r[p + MAX] = -Infinity;
    r[p + FIRST_V] = NaN; r[p + FIRST_T] = Infinity; r[p + LAST_V] = NaN; r[p + LAST_T] = -Infinity;
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

/** Adds row `row` (values[f][row] per field, NaN when missing, at event time t) to a session. */
export function addRowToSession(store: SessionStore, slot: number, values: readonly Float64Array[], row: number, t: number): void {
  const r = store.records;
  const b = slot * store.width;
  r[b + COUNT]!++;
  const fields = store.plan.fields;
  for (let f = 0; f < fields.length; f++) {
    const v = values[f]![row]!;
    if (v !== v) continue;
    const p = b + HEADER + f * FIELD_PARTS;
    r[p + N]!++;
    r[p + SUM]! += v;
    r[p + SUM_SQ]! += v * v;
    if (v < r[p + MIN]!) r[p + MIN] = v;
    if (v > r[p + MAX]!) r[p + MAX] = v;
    if (t < r[p + FIRST_T]!) { r[p + FIRST_T] = t; r[p + FIRST_V] = v; }
    if (t >= r[p + LAST_T]!) { r[p + LAST_T] = t; r[p + LAST_V] = v; }
    const needs = fields[f]!.needs;
    if (store.complex !== null && (needs.distinct || needs.hll || needs.sketch)) {
      addToComplexCell((store.complex[slot * fields.length + f] ??= createComplexCell(needs)), v);
    }
  }
}

/** Folds the session at `from` into the one at `into` (as mergeScalarAcc would), keeping the larger firings. */
export function mergeSessions(store: SessionStore, into: number, from: number): void {
  const r = store.records;
  const a = into * store.width;
  const b = from * store.width;
  r[a + COUNT]! += r[b + COUNT]!;
  r[a + FIRINGS] = Math.max(r[a + FIRINGS]!, r[b + FIRINGS]!);
  const fields = store.plan.fields.length;
  for (let f = 0; f < fields; f++) {
    const p = a + HEADER + f * FIELD_PARTS;
    const q = b + HEADER + f * FIELD_PARTS;
    r[p + N]! += r[q + N]!;
    r[p + SUM]! += r[q + SUM]!;
    r[p + SUM_SQ]! += r[q + SUM_SQ]!;
    if (r[q + MIN]! < r[p + MIN]!) r[p + MIN] = r[q + MIN]!;
    if (r[q + MAX]! > r[p + MAX]!) r[p + MAX] = r[q + MAX]!;
    if (r[q + FIRST_T]! < r[p + FIRST_T]!) { r[p + FIRST_T] = r[q + FIRST_T]!; r[p + FIRST_V] = r[q + FIRST_V]!; }
    if (r[q + LAST_T]! >= r[p + LAST_T]! && r[q + N]! > 0) { r[p + LAST_T] = r[q + LAST_T]!; r[p + LAST_V] = r[q + LAST_V]!; }
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
 */
export function loadSession(store: SessionStore, slot: number, acc: ScalarAcc): void {
  const r = store.records;
  const b = slot * store.width;
  acc.count = r[b + COUNT]!;
  for (let f = 0; f < acc.fields.length; f++) {
    const a = acc.fields[f]!;
    const p = b + HEADER + f * FIELD_PARTS;
    a.n = r[p + N]!; a.sum = r[p + SUM]!; a.sumSq = r[p + SUM_SQ]!;
    a.min = r[p + MIN]!; a.max = r[p + MAX]!;
    a.firstV = r[p + FIRST_V]!; a.firstT = r[p + FIRST_T]!; a.lastV = r[p + LAST_V]!; a.lastT = r[p + LAST_T]!;
    const cell = store.complex?.[slot * acc.fields.length + f];
    // Without a cell the field has no present value (n = 0), and scalarResult reads none of these.
    a.distinct = cell?.distinct ?? null;
    a.hll = cell?.hll ?? null;
    a.sketch = cell?.sketch ?? null;
  }
}
