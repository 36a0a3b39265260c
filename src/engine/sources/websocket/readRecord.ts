/**
 * Reading the declared fields of one JSON object into a row of numbers, with
 * the same cell rules as the file source (values.ts, eventTime.ts) so that a
 * file and a socket carrying the same events give the same columns.
 */
import { internString, type Field, type StringDict } from '../../batch';
import { DEFAULT_EVENT_TIME_RANGE, inEventTimeRange, type EventTimeRange } from '../../../model';
import { chooseTimeFormat, eventTimeProblem, outOfRangeProblem, readEventTime } from '../file/eventTime';
import type { RawValue, TimeFormat } from '../file/types';
import { isEmpty, toBoolean, toNumber, toText } from '../file/values';
import type { JsonRecord } from './parseMessage';
import { isRecord } from './parseMessage';

/** The value of `name` in `record`: a plain key first, then a dotted path into nested objects. */
function lookupField(record: JsonRecord, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  let current: unknown = record;
  for (const part of name.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, part)) return undefined;
    current = current[part];
  }
  return current;
}

/** JSON scalars as they are; arrays and objects as their JSON text, like the file source. */
function raw(value: unknown): RawValue | undefined {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Per-source memory of how event times are written, once 'auto' has seen a readable one. */
export interface TimeReader {
  format: TimeFormat | null;
}

/** A time cell as epoch ms, or NaN; 'auto' settles on the format of the first readable value. */
function readTime(reader: TimeReader, value: RawValue | undefined): number {
  if (reader.format !== null) return readEventTime(value, reader.format);
  if (isEmpty(value)) return NaN;
  const format = chooseTimeFormat([value]);
  const t = readEventTime(value, format);
  if (!Number.isNaN(t)) reader.format = format;
  return t;
}

export type RecordRead = { readonly ok: true; readonly time: number } | { readonly ok: false; readonly reason: string };

/**
 * Fills `row` (one slot per field) from `record`. Missing values follow the
 * batch conventions: NaN for numbers and times, code -1 for strings, 0 for
 * booleans. Fails only when the event time is missing, unreadable or outside
 * `range`.
 */
export function readRecord(
  record: JsonRecord, fields: readonly Field[], eventTime: string, reader: TimeReader,
  dicts: ReadonlyMap<string, StringDict>, row: Float64Array, range: EventTimeRange = DEFAULT_EVENT_TIME_RANGE,
): RecordRead {
  const timeValue = raw(lookupField(record, eventTime));
  const time = readTime(reader, timeValue);
  if (Number.isNaN(time)) {
    const problem = reader.format === null ? (isEmpty(timeValue) ? `event time "${eventTime}" is missing` : `event time "${eventTime}": cannot read ${JSON.stringify(timeValue)} as a time`) : eventTimeProblem(eventTime, timeValue, reader.format);
    return { ok: false, reason: problem };
  }
  // A time like 1e20 or -1e308 is no event's: windows could not place it exactly.
  if (!inEventTimeRange(range, time)) return { ok: false, reason: outOfRangeProblem(eventTime, timeValue, range) };
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    if (field.name === eventTime) continue;
    const value = raw(lookupField(record, field.name));
    switch (field.type) {
      case 'number': row[f] = toNumber(value); break;
      case 'time': row[f] = reader.format === null ? NaN : readEventTime(value, reader.format); break;
      case 'boolean': row[f] = Math.max(0, toBoolean(value)); break;
      case 'string': row[f] = isEmpty(value) ? -1 : internString(dicts.get(field.name)!, toText(value)); break;
    }
  }
  return { ok: true, time };
}
