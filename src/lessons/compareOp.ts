/**
 * The comparison of a check (`op` against `value`) and its words. A measure
 * that has no value (null: no rows, no watermark yet) equals only null and is
 * never less or greater than anything.
 */
import type { LessonCheck, Measure, MeasureValue } from './format';

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

/** An epoch-ms time as the learner reads it: "2026-03-02 12:00:24.999 UTC", milliseconds only when not zero. */
export function showTime(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return showValue(ms);
  const iso = new Date(Math.floor(ms)).toISOString();
  const date = iso.slice(0, 10);
  const clock = iso.slice(11, 19);
  const millis = iso.slice(20, 23);
  return `${date} ${clock}${millis === '000' ? '' : `.${millis}`} UTC`;
}

/**
 * A value as the learner reads it: numbers in full, text quoted, null as "no
 * value"; a number that is a time (`asTime`: a watermark, a window bound) as
 * its time only, since 1,772,452,824,999 means nothing to a reader.
 */
export function showValue(value: MeasureValue, asTime = false): string {
  if (value === null) return 'no value';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number') {
    if (asTime) return showTime(value);
    return Number.isInteger(value) ? value.toLocaleString('en') : String(Number(value.toPrecision(6)));
  }
  return String(value);
}

/** What the task wants, in words: "0", "at most 10,000", "anything but 'u1'", "at least 2026-03-02 09:00:10 UTC". */
export function wantedWords(op: CheckOp, value: MeasureValue, asTime = false): string {
  const shown = showValue(value, asTime);
  switch (op) {
    case 'eq': return shown;
    case 'ne': return `anything but ${shown}`;
    case 'lt': return `less than ${shown}`;
    case 'le': return `at most ${shown}`;
    case 'gt': return `more than ${shown}`;
    case 'ge': return `at least ${shown}`;
  }
}

/** Row fields that hold epoch-ms times whatever the pipeline (a window's bounds). */
export const TIME_FIELDS: ReadonlySet<string> = new Set(['window_start', 'window_end']);

/** Whether a measure's value is an epoch-ms time: a watermark, or a window bound read from rows (not counted or summed). */
export function measuresTime(measure: Measure): boolean {
  if (measure.kind === 'watermark') return true;
  return measure.kind === 'resultValue' && TIME_FIELDS.has(measure.field) && measure.reduce !== 'sum' && measure.reduce !== 'distinct';
}
