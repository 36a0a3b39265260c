/** Reading the event-time cell of each row as epoch ms. */
import { describeYears, type EventTimeRange } from '../../../model';
import { parseIsoTime } from './iso';
import type { RawValue, TimeFormat } from './types';
import { isEmpty, toNumber } from './values';

/** Epoch seconds reach 1e11 only in the year 5138, epoch ms passed it in 1973. */
const MILLIS_THRESHOLD = 1e11;
const SAMPLE_SIZE = 1000;

/**
 * Picks one format for the whole file: numbers if most non-empty values are
 * numbers (milliseconds when the median of the first ones is above 1e11,
 * else seconds), ISO-8601 text otherwise. One odd row cannot flip the choice.
 */
export function chooseTimeFormat(values: Iterable<RawValue | undefined>): TimeFormat {
  let numeric = 0;
  let other = 0;
  const sample: number[] = [];
  for (const value of values) {
    if (isEmpty(value)) continue;
    const n = toNumber(value);
    if (Number.isNaN(n)) {
      other++;
      continue;
    }
    numeric++;
    if (sample.length < SAMPLE_SIZE) sample.push(Math.abs(n));
  }
  if (numeric <= other) return 'iso';
  sample.sort((a, b) => a - b);
  const median = sample[sample.length >> 1] ?? 0;
  return median > MILLIS_THRESHOLD ? 'epochMillis' : 'epochSeconds';
}

/** Epoch ms of a cell in `format`, or NaN when it cannot be read. */
export function readEventTime(value: RawValue | undefined, format: TimeFormat): number {
  if (format === 'iso') return typeof value === 'string' ? parseIsoTime(value) : NaN;
  const n = toNumber(value);
  if (format === 'epochMillis') return n;
  const ms = n * 1000;
  // Rounding to the microsecond removes float noise (1.234 s * 1000 = 1233.9999999999998).
  return Math.abs(ms) < 2 ** 53 / 1000 ? Math.round(ms * 1000) / 1000 : ms;
}

const FORMAT_NAMES: Record<TimeFormat, string> = {
  epochMillis: 'epoch milliseconds',
  epochSeconds: 'epoch seconds',
  iso: 'an ISO-8601 date-time',
};

/** Why a row's event time was rejected. */
export function eventTimeProblem(field: string, value: RawValue | undefined, format: TimeFormat): string {
  if (isEmpty(value)) return `event time "${field}" is missing`;
  return `event time "${field}": cannot read ${JSON.stringify(value)} as ${FORMAT_NAMES[format]}`;
}

/** Why a row's readable event time was refused: it lies outside the source's range of years. */
export function outOfRangeProblem(field: string, value: RawValue | undefined, range: EventTimeRange): string {
  return `event time "${field}": ${JSON.stringify(value)} is outside the accepted ${describeYears(range)} (params earliestYear and latestYear)`;
}
