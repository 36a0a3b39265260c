/**
 * The comparison of a check (`op` against `value`) and its words. A measure
 * that has no value (null: no rows, no watermark yet) equals only null and is
 * never less or greater than anything.
 */
import type { LessonCheck, MeasureValue } from './format';

export type CheckOp = LessonCheck['op'];

/** Two numbers this close (relative) are equal: a mean of sums is not exact. */
const RELATIVE_EPSILON = 1e-9;

function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= RELATIVE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
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
