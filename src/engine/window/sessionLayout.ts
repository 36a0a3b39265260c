import type { AggregatePlan } from '../aggregate/plan';
import { VALUE_PARTS } from '../aggregate/valueParts';

/** Record header: bounds, key (timers name a slot, and firing it needs the key), firings, row count. */
export const START = 0;
export const END = 1;
export const KEY = 2;
/** How many times it (or a session merged into it) has fired. */
export const FIRINGS = 3;
export const COUNT = 4;
const HEADER = 5;

/**
 * Parts of a measured field; MOMENTS is three numbers: shift, shifted mean and
 * M2 (see aggregate/moments); FIRST_LAST is four: first value, its time, last value, its time.
 */
export const N = 0, SUM = 1, MOMENTS = 2, MIN = 3, MAX = 4, FIRST_LAST = 5;
/** Value partial i (see valueParts) is part VALUES + i: one number each. */
export const VALUES = 6;
export const PARTS = VALUES + VALUE_PARTS.length;

/**
 * Where each part of each measured field sits in a session record: offset
 * (layout[f * PARTS + part]) from the record's start, or -1 when the plan
 * does not need it. Every session record is read at every event and again
 * when it fires, and with 100,000 keys they come from memory: keeping only
 * the parts the plan needs (count, first and last page: 10 numbers, not 14)
 * means fewer cache lines per record.
 */
export interface SessionLayout {
  readonly width: number;
  readonly offsets: Int32Array;
}

/** The record layout for `plan`. */
export function sessionLayout(plan: AggregatePlan): SessionLayout {
  const offsets = new Int32Array(plan.fields.length * PARTS).fill(-1);
  let width = HEADER;
  plan.fields.forEach((field, f) => {
    const { needs } = field;
    const o = f * PARTS;
    // n tells whether a field had any value: every aggregate of a field reads it.
    offsets[o + N] = width++;
    if (needs.sum) offsets[o + SUM] = width++;
    if (needs.moments) {
      offsets[o + MOMENTS] = width;
      width += 3;
    }
    if (needs.min) offsets[o + MIN] = width++;
    if (needs.max) offsets[o + MAX] = width++;
    if (needs.firstLast) {
      offsets[o + FIRST_LAST] = width;
      width += 4;
    }
    for (const v of needs.values) offsets[o + VALUES + v] = width++;
  });
  return { width, offsets };
}
