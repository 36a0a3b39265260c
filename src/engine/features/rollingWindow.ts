/**
 * One key's rolling window and the features read from it, as plain data (a
 * snapshot copies it like any operator state). The window holds the key's
 * known values: for a count window the last `count` in arrival order, for a
 * duration window those whose event time lies in [T - d, T], T being the
 * newest event time the key has seen, kept in event-time order (a late
 * record is inserted in its place; one older than T - d never joins).
 *
 * Costs per record: mean and stddev are running sums (windowMoments.ts),
 * min and max monotonic deques (amortised O(1)), quantiles a sorted copy of
 * the window (binary search, then one block move): never a sort per record.
 */
import { lowerBound, sortedQuantile } from '../detect/sortedWindow';
import { addMoment, emptyMoments, momentsM2, momentsMean, removeOldestMoment, type WindowMoments } from './windowMoments';

/** What the operator needs of the features, worked out once per node. */
export interface WindowNeeds {
  readonly minMax: boolean;
  readonly sorted: boolean;
  /** The alpha of each ewma feature, in feature order. */
  readonly alphas: readonly number[];
}

export interface RollingKeyState {
  /** Window entries in [start, end) of these two arrays. */
  t: Float64Array;
  v: Float64Array;
  start: number;
  end: number;
  /** Newest event time the key has seen (every record counts, a missing value too). */
  tmax: number;
  moments: WindowMoments;
  /** Positions into t/v of the window's min candidates (values ascending) in [minStart, minEnd). */
  minQ: Int32Array;
  minStart: number;
  minEnd: number;
  maxQ: Int32Array;
  maxStart: number;
  maxEnd: number;
  /** The window's values ascending, in [0, sortedLength). */
  sorted: Float64Array;
  sortedLength: number;
  /** Per ewma feature; NaN until the key's first known value. */
  ewma: Float64Array;
  /** The key's previous known value (arrival order); NaN before its first. */
  last: number;
}

const INITIAL = 8;

export function createKeyState(needs: WindowNeeds): RollingKeyState {
  return {
    t: new Float64Array(INITIAL), v: new Float64Array(INITIAL), start: 0, end: 0, tmax: -Infinity, moments: emptyMoments(),
    minQ: new Int32Array(needs.minMax ? INITIAL : 0), minStart: 0, minEnd: 0,
    maxQ: new Int32Array(needs.minMax ? INITIAL : 0), maxStart: 0, maxEnd: 0,
    sorted: new Float64Array(needs.sorted ? INITIAL : 0), sortedLength: 0,
    ewma: new Float64Array(needs.alphas.length).fill(NaN), last: NaN,
  };
}

export function windowSize(s: RollingKeyState): number {
  return s.end - s.start;
}

/** Makes room for one more entry at the end: moves the window to the front of its arrays, or grows them. */
function roomAtEnd(s: RollingKeyState, needs: WindowNeeds): void {
  if (s.end < s.t.length) return;
  const n = s.end - s.start;
  const shift = s.start;
  if (n + 1 > s.t.length / 2) {
    const t = new Float64Array(s.t.length * 2);
    const v = new Float64Array(s.t.length * 2);
    t.set(s.t.subarray(s.start, s.end));
    v.set(s.v.subarray(s.start, s.end));
    s.t = t;
    s.v = v;
  } else {
    s.t.copyWithin(0, s.start, s.end);
    s.v.copyWithin(0, s.start, s.end);
  }
  s.start = 0;
  s.end = n;
  if (!needs.minMax) return;
  // Deque entries are positions: they move with the window.
  s.minQ = moveQueue(s.minQ, s.minStart, s.minEnd, shift, s.t.length);
  s.minEnd -= s.minStart;
  s.minStart = 0;
  s.maxQ = moveQueue(s.maxQ, s.maxStart, s.maxEnd, shift, s.t.length);
  s.maxEnd -= s.maxStart;
  s.maxStart = 0;
}

function moveQueue(q: Int32Array, from: number, to: number, shift: number, capacity: number): Int32Array {
  const out = q.length >= capacity ? q : new Int32Array(capacity);
  for (let i = from; i < to; i++) out[i - from] = q[i]! - shift;
  return out;
}

function pushDeques(s: RollingKeyState, pos: number): void {
  const x = s.v[pos]!;
  // A deque is never longer than the window, whose capacity it shares.
  if (s.minQ.length < s.t.length) s.minQ = grownQueue(s.minQ, s.t.length);
  if (s.maxQ.length < s.t.length) s.maxQ = grownQueue(s.maxQ, s.t.length);
  while (s.minEnd > s.minStart && s.v[s.minQ[s.minEnd - 1]!]! >= x) s.minEnd--;
  if (s.minEnd === s.minQ.length) compactQueue(s, 'min');
  s.minQ[s.minEnd++] = pos;
  while (s.maxEnd > s.maxStart && s.v[s.maxQ[s.maxEnd - 1]!]! <= x) s.maxEnd--;
  if (s.maxEnd === s.maxQ.length) compactQueue(s, 'max');
  s.maxQ[s.maxEnd++] = pos;
}

function grownQueue(q: Int32Array, capacity: number): Int32Array {
  const out = new Int32Array(capacity);
  out.set(q);
  return out;
}

function compactQueue(s: RollingKeyState, which: 'min' | 'max'): void {
  if (which === 'min') {
    s.minQ.copyWithin(0, s.minStart, s.minEnd);
    s.minEnd -= s.minStart;
    s.minStart = 0;
  } else {
    s.maxQ.copyWithin(0, s.maxStart, s.maxEnd);
    s.maxEnd -= s.maxStart;
    s.maxStart = 0;
  }
}

/** Rebuilds both deques from the window (after a late record went in mid-window). */
function rebuildDeques(s: RollingKeyState): void {
  s.minStart = s.minEnd = s.maxStart = s.maxEnd = 0;
  for (let p = s.start; p < s.end; p++) pushDeques(s, p);
}

function sortedInsert(s: RollingKeyState, x: number): void {
  if (s.sortedLength === s.sorted.length) {
    const grown = new Float64Array(Math.max(INITIAL, s.sorted.length * 2));
    grown.set(s.sorted);
    s.sorted = grown;
  }
  const at = lowerBound(s.sorted, s.sortedLength, x);
  s.sorted.copyWithin(at + 1, at, s.sortedLength);
  s.sorted[at] = x;
  s.sortedLength++;
}

function sortedRemove(s: RollingKeyState, x: number): void {
  const at = lowerBound(s.sorted, s.sortedLength, x);
  s.sorted.copyWithin(at, at + 1, s.sortedLength);
  s.sortedLength--;
}

function evictFront(s: RollingKeyState, needs: WindowNeeds): void {
  const pos = s.start;
  const x = s.v[pos]!;
  s.start++;
  removeOldestMoment(s.moments, x, s.v, s.start, s.end);
  if (needs.sorted) sortedRemove(s, x);
  if (needs.minMax) {
    if (s.minEnd > s.minStart && s.minQ[s.minStart] === pos) s.minStart++;
    if (s.maxEnd > s.maxStart && s.maxQ[s.maxStart] === pos) s.maxStart++;
  }
}

/** Adds a known value to a count window: the newest `count` values in arrival order. */
export function addToCountWindow(s: RollingKeyState, needs: WindowNeeds, count: number, time: number, x: number): void {
  if (time > s.tmax) s.tmax = time;
  roomAtEnd(s, needs);
  const pos = s.end++;
  s.t[pos] = time;
  s.v[pos] = x;
  addMoment(s.moments, s.end - s.start, pos - s.start, x);
  if (needs.sorted) sortedInsert(s, x);
  if (needs.minMax) pushDeques(s, pos);
  if (s.end - s.start > count) evictFront(s, needs);
}

/**
 * Adds a known value to a duration window of `duration` ms; false when the
 * value is older than the window (the key's newest time less the duration)
 * and so did not join.
 */
export function addToDurationWindow(s: RollingKeyState, needs: WindowNeeds, duration: number, time: number, x: number): boolean {
  if (time > s.tmax) s.tmax = time;
  const from = s.tmax - duration;
  if (time < from) return false;
  roomAtEnd(s, needs);
  // Insert after every entry not later than it (a tie keeps arrival order).
  let at = s.end;
  while (at > s.start && s.t[at - 1]! > time) at--;
  const inMiddle = at < s.end;
  if (inMiddle) {
    s.t.copyWithin(at + 1, at, s.end);
    s.v.copyWithin(at + 1, at, s.end);
  }
  s.t[at] = time;
  s.v[at] = x;
  s.end++;
  addMoment(s.moments, s.end - s.start, at - s.start, x);
  if (needs.sorted) sortedInsert(s, x);
  if (needs.minMax) {
    if (inMiddle) rebuildDeques(s);
    else pushDeques(s, at);
  }
  while (s.t[s.start]! < from) evictFront(s, needs);
  return true;
}

/** Moves a key's newest time (a record with a missing value) and drops what fell out of a duration window. */
export function advanceDurationWindow(s: RollingKeyState, needs: WindowNeeds, duration: number, time: number): void {
  if (time <= s.tmax) return;
  s.tmax = time;
  const from = time - duration;
  while (s.end > s.start && s.t[s.start]! < from) evictFront(s, needs);
}

export function windowMean(s: RollingKeyState): number {
  return momentsMean(s.moments, s.end - s.start);
}

/** The sample standard deviation (n - 1), as DuckDB's stddev; NaN below two values. */
export function windowStddev(s: RollingKeyState): number {
  const n = s.end - s.start;
  return n > 1 ? Math.sqrt(momentsM2(s.moments, n) / (n - 1)) : NaN;
}

export function windowMin(s: RollingKeyState): number {
  return s.minEnd > s.minStart ? s.v[s.minQ[s.minStart]!]! : NaN;
}

export function windowMax(s: RollingKeyState): number {
  return s.maxEnd > s.maxStart ? s.v[s.maxQ[s.maxStart]!]! : NaN;
}

/** The q-quantile interpolated between the two nearest ranks, as DuckDB's quantile_cont. */
export function windowQuantile(s: RollingKeyState, q: number): number {
  return s.sortedLength === 0 ? NaN : sortedQuantile(s.sorted, s.sortedLength, q);
}

/** Change per second from the window's oldest entry to (time, x); NaN when they share a time. */
export function windowRate(s: RollingKeyState, time: number, x: number): number {
  if (s.end === s.start) return NaN;
  const dt = time - s.t[s.start]!;
  return dt === 0 ? NaN : ((x - s.v[s.start]!) / dt) * 1000;
}
