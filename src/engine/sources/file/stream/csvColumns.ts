/**
 * CSV rows written straight into the columns: numbers parsed from the bytes,
 * strings found in their field's dictionary by their bytes, booleans by
 * their letters, and only the rare cell (a non-ASCII boolean, an ISO time,
 * a bad value for a message) decoded to text.
 */
import { inEventTimeRange } from '../../../../model';
import { eventTimeProblem, outOfRangeProblem, readEventTime } from '../eventTime';
import { toBoolean } from '../values';
import { parseNumberBytes } from './numberBytes';
import { NUMBER, STRING, TIME, typeProblem, type RowColumns } from './rowColumns';
import type { CsvRowSink, CsvScanner } from './csvScanner';
import { decodeUtf8 } from './utf8';

/** The cell's text with "" pairs made one quote, into `out` from 0; returns its length. */
function unescapeInto(buf: Uint8Array, start: number, end: number, out: Uint8Array): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    out[n++] = b;
    if (b === 34 && buf[i + 1] === 34) i++;
  }
  return n;
}

/** 1 for true, 0 for false (any case, as values.ts reads them), -1 otherwise. */
function booleanBytes(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 4 && (buf[start]! | 32) === 116 && (buf[start + 1]! | 32) === 114 && (buf[start + 2]! | 32) === 117 && (buf[start + 3]! | 32) === 101) return 1;
  if (n === 5 && (buf[start]! | 32) === 102 && (buf[start + 1]! | 32) === 97 && (buf[start + 2]! | 32) === 108 && (buf[start + 3]! | 32) === 115 && (buf[start + 4]! | 32) === 101) return 0;
  return toBoolean(decodeUtf8(buf, start, end));
}

export class CsvColumns implements CsvRowSink {
  private scratch: Uint8Array = new Uint8Array(256);

  constructor(private readonly columns: RowColumns) {}

  row(scanner: CsvScanner, buf: Uint8Array, count: number, line: number, offset: number, problem: string | null): void {
    const cols = this.columns;
    const errors = cols.errors.count;
    if (problem !== null) return cols.bad(line, problem);
    const kinds = cols.kinds;
    const width = kinds.length;
    if (count !== width) return cols.bad(line, `expected ${width} fields, found ${count}`);
    cols.reserve();
    const r = cols.tail;
    const { starts, ends, escaped } = scanner;
    // The event time first: a row without one is refused for it, whatever its other cells hold.
    const tc = cols.timeField;
    let src = buf;
    let s = starts[tc]!;
    let e = ends[tc]!;
    if (escaped[tc] === 1) {
      src = this.unescape(buf, s, e);
      e = this.scratchLength;
      s = 0;
    }
    const t = this.eventTime(src, s, e);
    if (t !== t) return cols.bad(line, eventTimeProblem(cols.names[tc]!, decodeUtf8(src, s, e), cols.timeFormat));
    if (!inEventTimeRange(cols.range, t)) return cols.bad(line, outOfRangeProblem(cols.names[tc]!, decodeUtf8(src, s, e), cols.range));
    cols.time[r] = t;
    let strings = false;
    for (let c = 0; c < width; c++) {
      const kind = kinds[c]!;
      if (kind === STRING) {
        strings = true;
        continue;
      }
      if (kind === TIME) continue;
      src = buf;
      s = starts[c]!;
      e = ends[c]!;
      if (escaped[c] === 1) {
        src = this.unescape(buf, s, e);
        e = this.scratchLength;
        s = 0;
      }
      if (kind === NUMBER) {
        const n = parseNumberBytes(src, s, e);
        if (n !== n && e > s) return cols.bad(line, typeProblem(cols.names[c]!, kind, decodeUtf8(src, s, e)));
        cols.nums[c]![r] = n;
      } else {
        const b = e === s ? 0 : booleanBytes(src, s, e);
        if (b < 0) return cols.bad(line, typeProblem(cols.names[c]!, kind, decodeUtf8(src, s, e)));
        cols.bools[c]![r] = b;
      }
    }
    // Strings last: interning is the only write that outlives a row refused above.
    if (strings) {
      for (let c = 0; c < width; c++) {
        if (kinds[c] !== STRING) continue;
        s = starts[c]!;
        e = ends[c]!;
        src = buf;
        if (escaped[c] === 1) {
          src = this.unescape(buf, s, e);
          e = this.scratchLength;
          s = 0;
        }
        cols.codes[c]![r] = e === s ? -1 : cols.interners[c]!.intern(src, s, e);
      }
    }
    cols.commit(offset, line, errors);
  }

  private scratchLength = 0;

  private unescape(buf: Uint8Array, start: number, end: number): Uint8Array {
    if (this.scratch.length < end - start) this.scratch = new Uint8Array((end - start) * 2);
    this.scratchLength = unescapeInto(buf, start, end, this.scratch);
    return this.scratch;
  }

  private eventTime(buf: Uint8Array, start: number, end: number): number {
    const format = this.columns.timeFormat;
    if (format === 'iso') return start === end ? NaN : readEventTime(decodeUtf8(buf, start, end), 'iso');
    const n = parseNumberBytes(buf, start, end);
    return n !== n ? NaN : readEventTime(n, format);
  }
}
