/**
 * The comparison of a check (`op` against `value`) and its words. A measure
 * that has no value (null: no rows, no watermark yet) equals only null and is
 * never less or greater than anything.
 */
import type { LessonCheck, MeasureValue } from './format';

export type CheckOp = LessonCheck['op'];

/**
 * Integers (counts, epoch-millisecond times, durations) compare exactly: a
 * relative tolerance on a time near 1.8e12 ms would be almost two seconds.
 * Only a non-integer on either side comes from floating-point arithmetic (an
 * average, a sum of decimals), whose last bits depend on the order of the
 * additions: those may differ by a relative 1e-9, but never by more than
 * ABSOLUTE_CAP, so a fractional time still compares within a microsecond.
 */
const RELATIVE_EPSILON = 1e-9;
const ABSOLUTE_CAP = 1e-3;

function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  if (Number.isInteger(a) && Number.isInteger(b)) return false;
  const tolerance = Math.min(RELATIVE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b)), ABSOLUTE_CAP);
  return Math.abs(a - b) <= tolerance;
}

function equal(a: MeasureValue, b: MeasureValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b);
  return a === b;
}

/** -1, 0 or 1 when both are numbers or both are texts; null when they cannot be ordered. */
function order(a: MeasureValue, b: MeasureValue): number | null {
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b) ? 0 : a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  return null;
}

/** Whether `actual op expected` holds. */
export function compareValues(actual: MeasureValue, op: CheckOp, expected: MeasureValue): boolean {
  switch (op) {
    case 'eq': return equal(actual, expected);
    case 'ne': return !equal(actual, expected);
    default: {
      const o = order(actual, expected);
      if (o === null) return false;
      if (op === 'lt') return o < 0;
      if (op === 'le') return o <= 0;
      if (op === 'gt') return o > 0;
      return o >= 0;
    }
  }
}

/** A value as the learner reads it: numbers in full, text quoted, null as "no value". */
export function showValue(value: MeasureValue): string {
  if (value === null) return 'no value';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en') : String(Number(value.toPrecision(6)));
  return String(value);
}

/** What the task wants, in words: "0", "at most 10,000", "anything but 'u1'". */
export function wantedWords(op: CheckOp, value: MeasureValue): string {
  const shown = showValue(value);
  switch (op) {
    case 'eq': return shown;
    case 'ne': return `anything but ${shown}`;
    case 'lt': return `less than ${shown}`;
    case 'le': return `at most ${shown}`;
    case 'gt': return `more than ${shown}`;
    case 'ge': return `at least ${shown}`;
  }
}
