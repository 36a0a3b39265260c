/**
 * Rows a parser has read and its source has not taken yet, in growable
 * typed columns laid out like the file's fields; the good rows' checks
 * (event time, its range, each value against its field's type) and the log
 * of bad rows. Every text format writes here, so the rules are one.
 */
import { DEFAULT_EVENT_TIME_RANGE, inEventTimeRange, type EventTimeRange } from '../../../../model';
import { createStringDict, newColumns, internString, type Column, type RowBlock, type StringDict } from '../../../batch';
import { eventTimeProblem, outOfRangeProblem, readEventTime } from '../eventTime';
import { createRowErrorLog, logRowError, MAX_ROW_ERRORS, type RawValue, type RowErrorLog, type TimeFormat } from '../types';
import { isEmpty, toBoolean, toNumber, toText } from '../values';
import { ByteInterner } from './byteInterner';
import type { FileLayout, FilePosition } from './types';

export const TIME = 0;
export const NUMBER = 1;
export const BOOLEAN = 2;
export const STRING = 3;

/** Why a value was refused by its field's type (a row with it is a bad row). */
export function typeProblem(field: string, kind: number, value: RawValue | undefined): string {
  const expected = kind === NUMBER ? 'a number' : 'true or false';
  return `field '${field}': expected ${expected}, got ${JSON.stringify(value)}`;
}

/** Columns a recycled take writes into (see RowColumns.take). */
interface SpareColumns {
  readonly time: Float64Array;
  readonly nums: readonly (Float64Array | null)[];
  readonly bools: readonly (Uint8Array | null)[];
  readonly codes: readonly (Int32Array | null)[];
}

export class RowColumns {
  readonly names: string[];
  readonly kinds: Int8Array;
  readonly timeField: number;
  readonly timeFormat: TimeFormat;
  readonly range: EventTimeRange;
  readonly errors: RowErrorLog = createRowErrorLog();
  /** Per field: its values (numbers, booleans) or codes (strings); null where the kind has none. */
  nums: (Float64Array | null)[];
  bools: (Uint8Array | null)[];
  codes: (Int32Array | null)[];
  readonly dicts: (StringDict | null)[];
  readonly interners: (ByteInterner | null)[];
  time: Float64Array;
  /**
   * Where each buffered row's text starts (after the unit before it), its
   * line, and the bad rows before it. Written by `commit`, and by
   * CsvFastRows, which commits its rows itself.
   */
  offsets: Float64Array;
  lines: Float64Array;
  errorsBefore: Float64Array;
  private head = 0;
  /** The row being written (the next free one); `commit` makes it a buffered row. */
  tail = 0;
  /** Rows the arrays hold; `reserve` grows them (or moves the buffered rows to the front). */
  capacity: number;
  /** Good rows read so far. */
  goodRows = 0;
  private spare: SpareColumns | null = null;

  constructor(layout: FileLayout, range: EventTimeRange | undefined, capacity = 1024) {
    this.names = layout.fields.map((f) => f.name);
    this.kinds = Int8Array.from(layout.fields, (f) =>
      f.name === layout.eventTime ? TIME : f.type === 'number' || f.type === 'time' ? NUMBER : f.type === 'boolean' ? BOOLEAN : STRING,
    );
    this.timeField = this.names.indexOf(layout.eventTime);
    if (this.timeField < 0) throw new Error(`the layout has no event-time field "${layout.eventTime}"`);
    this.timeFormat = layout.timeFormat;
    this.range = range ?? DEFAULT_EVENT_TIME_RANGE;
    this.capacity = capacity;
    this.time = new Float64Array(capacity);
    this.offsets = new Float64Array(capacity);
    this.lines = new Float64Array(capacity);
    this.errorsBefore = new Float64Array(capacity);
    const kinds = Array.from(this.kinds);
    this.nums = kinds.map((k) => (k === NUMBER ? new Float64Array(capacity) : null));
    this.bools = kinds.map((k) => (k === BOOLEAN ? new Uint8Array(capacity) : null));
    this.codes = kinds.map((k) => (k === STRING ? new Int32Array(capacity) : null));
    this.dicts = kinds.map((k) => (k === STRING ? createStringDict() : null));
    this.interners = this.dicts.map((d) => (d === null ? null : new ByteInterner(d)));
  }

  get buffered(): number {
    return this.tail - this.head;
  }

  /** Makes room for one more row at `tail`. */
  reserve(): void {
    if (this.tail < this.capacity) return;
    if (this.head * 2 >= this.capacity) this.shift();
    else this.grow(this.capacity * 2);
  }

  /** Records a bad row. */
  bad(line: number, message: string): void {
    logRowError(this.errors, line, message);
  }

  /** The row at `tail` is complete and good. `errors` is the bad-row count before it. */
  commit(offset: number, line: number, errors: number): void {
    const r = this.tail++;
    this.offsets[r] = offset;
    this.lines[r] = line;
    this.errorsBefore[r] = errors;
    this.goodRows++;
  }

  /**
   * Writes a row of raw cells (JSON values, indexed like the layout's fields)
   * at `tail`, or logs why it is bad. Returns true for a good row (not yet committed).
   */
  writeRaw(cells: readonly RawValue[], line: number): boolean {
    const r = this.tail;
    const t = this.timeField;
    const raw = cells[t];
    const time = readEventTime(raw, this.timeFormat);
    if (Number.isNaN(time)) return this.refuse(line, eventTimeProblem(this.names[t]!, raw, this.timeFormat));
    if (!inEventTimeRange(this.range, time)) return this.refuse(line, outOfRangeProblem(this.names[t]!, raw, this.range));
    this.time[r] = time;
    const kinds = this.kinds;
    for (let c = 0; c < kinds.length; c++) {
      const kind = kinds[c];
      const value = cells[c];
      if (kind === NUMBER) {
        const n = isEmpty(value) ? NaN : toNumber(value);
        if (Number.isNaN(n) && !isEmpty(value)) return this.refuse(line, typeProblem(this.names[c]!, kind, value));
        this.nums[c]![r] = n;
      } else if (kind === BOOLEAN) {
        // Contract: a missing boolean reads as 0.
        const b = isEmpty(value) ? 0 : toBoolean(value);
        if (b < 0) return this.refuse(line, typeProblem(this.names[c]!, kind, value));
        this.bools[c]![r] = b;
      }
    }
    // Strings last: interning is the only write that outlives a row refused above.
    for (let c = 0; c < kinds.length; c++) {
      if (kinds[c] !== STRING) continue;
      const value = cells[c];
      this.codes[c]![r] = isEmpty(value) ? -1 : internString(this.dicts[c]!, toText(value));
    }
    return true;
  }

  private refuse(line: number, message: string): false {
    logRowError(this.errors, line, message);
    return false;
  }

  /**
   * Up to `maxRows` buffered rows as a block; the event-time column shares the
   * block's time array. `recycle`: the block is written into arrays kept for
   * the next recycled take (see RowSupply.take), not into fresh ones: a file
   * of 40 M rows would otherwise allocate about 20 bytes a row of arrays.
   */
  take(maxRows: number, recycle = false): RowBlock {
    const n = Math.max(0, Math.min(maxRows, this.buffered));
    const from = this.head;
    const to = from + n;
    const out = recycle ? this.spareFor(n) : null;
    const copy = <T extends Float64Array | Uint8Array | Int32Array>(source: T, into: T | null | undefined): T => {
      if (into === null || into === undefined) return source.slice(from, to) as T;
      into.set(source.subarray(from, to));
      return into.subarray(0, n) as T;
    };
    const time = copy(this.time, out?.time);
    const columns = newColumns();
    for (let c = 0; c < this.kinds.length; c++) {
      const name = this.names[c]!;
      let column: Column;
      switch (this.kinds[c]) {
        case TIME:
          column = { type: 'time', values: time };
          break;
        case NUMBER:
          column = { type: 'number', values: copy(this.nums[c]!, out?.nums[c]) };
          break;
        case BOOLEAN:
          column = { type: 'boolean', values: copy(this.bools[c]!, out?.bools[c]) };
          break;
        default:
          column = { type: 'string', codes: copy(this.codes[c]!, out?.codes[c]), dict: this.dicts[c]! };
      }
      columns[name] = column;
    }
    this.head = to;
    if (this.head === this.tail) this.head = this.tail = 0;
    return { length: n, time, columns };
  }

  /** The event time of the first buffered row, or null when none waits. */
  firstTime(): number | null {
    return this.head === this.tail ? null : this.time[this.head]!;
  }

  /** The arrays recycled takes write into, with room for `n` rows. */
  private spareFor(n: number): SpareColumns {
    if (this.spare === null || this.spare.time.length < n) {
      const size = Math.max(n, (this.spare?.time.length ?? 0) * 2);
      const kinds = Array.from(this.kinds);
      this.spare = {
        time: new Float64Array(size),
        nums: kinds.map((k) => (k === NUMBER ? new Float64Array(size) : null)),
        bools: kinds.map((k) => (k === BOOLEAN ? new Uint8Array(size) : null)),
        codes: kinds.map((k) => (k === STRING ? new Int32Array(size) : null)),
      };
    }
    return this.spare;
  }

  /** Where the first buffered row starts, or null when none waits. */
  firstPosition(): FilePosition | null {
    if (this.head === this.tail) return null;
    return { offset: this.offsets[this.head]!, line: this.lines[this.head]! };
  }

  /** The bad-row count before the first buffered row (meaningful only when one waits). */
  firstErrors(): number {
    return this.errorsBefore[this.head]!;
  }

  /** The log as it stood when `count` bad rows had been seen (they are logged in file order). */
  errorsUpTo(count: number): RowErrorLog {
    return { first: this.errors.first.slice(0, Math.min(count, MAX_ROW_ERRORS)), count };
  }

  private shift(): void {
    const { head, tail } = this;
    const move = <T extends Float64Array | Uint8Array | Int32Array>(a: T | null): void => {
      if (a !== null) a.copyWithin(0, head, tail);
    };
    move(this.time);
    move(this.offsets);
    move(this.lines);
    move(this.errorsBefore);
    for (let c = 0; c < this.kinds.length; c++) {
      move(this.nums[c] ?? null);
      move(this.bools[c] ?? null);
      move(this.codes[c] ?? null);
    }
    this.tail -= head;
    this.head = 0;
  }

  private grow(capacity: number): void {
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.time = f64(this.time);
    this.offsets = f64(this.offsets);
    this.lines = f64(this.lines);
    this.errorsBefore = f64(this.errorsBefore);
    this.nums = this.nums.map((a) => (a === null ? null : f64(a)));
    this.bools = this.bools.map((a) => {
      if (a === null) return null;
      const b = new Uint8Array(capacity);
      b.set(a);
      return b;
    });
    this.codes = this.codes.map((a) => {
      if (a === null) return null;
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    });
    this.capacity = capacity;
  }
}
