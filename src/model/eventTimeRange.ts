/**
 * The range of event times a source accepts. An event time far outside any
 * calendar (1e20, -1e308) is a typo or an attack, and windows cannot place it
 * exactly: sources turn such events into bad rows (files) or dead letters
 * (WebSockets). The range is whole UTC years, inclusive, set per source by
 * `earliestYear` and `latestYear`.
 */

export const DEFAULT_EARLIEST_YEAR = 1900;
export const DEFAULT_LATEST_YEAR = 2300;
/** The years a range may name: four-digit years, the span of ISO-8601 without extensions. */
export const MIN_YEAR = 0;
export const MAX_YEAR = 9999;

/** Accepted event times in epoch ms: min <= t < end. */
export interface EventTimeRange {
  readonly min: number;
  readonly end: number;
  readonly earliestYear: number;
  readonly latestYear: number;
}

const MS_PER_DAY = 86_400_000;

/**
 * Epoch ms of January 1st, 00:00 UTC, of `year` in the proleptic Gregorian
 * calendar: days since 1970 counted by leap rules (days_from_civil), no clock.
 */
export function yearStartMs(year: number): number {
  // January counts as month 11 of the year before, so leap days fall at the end of a counted year.
  const y = year - 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + 306;
  return (era * 146_097 + dayOfEra - 719_468) * MS_PER_DAY;
}

/** The range of years earliestYear..latestYear, both inclusive. */
export function eventTimeRange(earliestYear = DEFAULT_EARLIEST_YEAR, latestYear = DEFAULT_LATEST_YEAR): EventTimeRange {
  return { min: yearStartMs(earliestYear), end: yearStartMs(latestYear + 1), earliestYear, latestYear };
}

export const DEFAULT_EVENT_TIME_RANGE: EventTimeRange = eventTimeRange();

/** Whether epoch ms `t` is in the range (false for NaN). */
export function inEventTimeRange(range: EventTimeRange, t: number): boolean {
  return t >= range.min && t < range.end;
}

/** "years 1900 to 2300": the range as a person reads it. */
export function describeYears(range: EventTimeRange): string {
  return `years ${range.earliestYear} to ${range.latestYear}`;
}
