/**
 * The common CSV row read in one pass: every field unquoted, the row whole
 * in the buffer and ended by \n or \r\n, as many fields as the layout, each
 * number a plain decimal the fast path of numberBytes.ts computes exactly,
 * an ASCII true/false for a boolean, an event time in range. Such a row is
 * cut, parsed, hashed and written into the columns as its bytes go by,
 * instead of the scanner recording each field's bounds for CsvColumns to
 * read the bytes a second time.
 *
 * Any other row (a quote, a bad or empty cell, a lone \r, a row cut by the
 * chunk's end, the wrong width) stops the run before it with nothing
 * written, and the general scanner and CsvColumns read it: this path only
 * ever takes rows they would read to the same values, codes and lines
 * (held so by csvFastRows.test.ts).
 */
import { inEventTimeRange } from '../../../../model';
import { readEventTime } from '../eventTime';
import { FNV_OFFSET, FNV_PRIME } from './byteInterner';
import { BOOLEAN, STRING, TIME, type RowColumns } from './rowColumns';

const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const EXACT = 2 ** 53;
/** The delimiters the path reads: none is a digit, sign, dot, letter, quote or line break, so no cell's bytes are mistaken for one. */
const DELIMITERS = new Set([',', ';', '\t', '|']);

export class CsvFastRows {
  /** Rows the last `read` took (each one line). */
  rowsRead = 0;
  private readonly d0: number;
  private readonly kinds: Int8Array;
  private readonly millis: boolean;
  /** Per field, of the row being read: a string cell's bounds and hash (interned once the row is known good). */
  private readonly strStart: Int32Array;
  private readonly strEnd: Int32Array;
  private readonly strHash: Int32Array;
  private readonly stringFields: Int32Array;

  /** The path for these columns and delimiter, or null when it would not apply (ISO times, another delimiter). */
  static create(columns: RowColumns, delimiter: string): CsvFastRows | null {
    if (!DELIMITERS.has(delimiter) || columns.timeFormat === 'iso') return null;
    return new CsvFastRows(columns, delimiter.charCodeAt(0));
  }

  private constructor(private readonly cols: RowColumns, d0: number) {
    this.d0 = d0;
    this.kinds = cols.kinds;
    this.millis = cols.timeFormat === 'epochMillis';
    const width = cols.kinds.length;
    this.strStart = new Int32Array(width);
    this.strEnd = new Int32Array(width);
    this.strHash = new Int32Array(width);
    this.stringFields = Int32Array.from(Array.from(cols.kinds.keys()).filter((c) => cols.kinds[c] === STRING));
  }

  /**
   * Reads rows from buf[pos, len) while they are of the common kind;
   * `base` is buf[0]'s offset in the file, `line` the line at `pos`.
   * Returns where it stopped (`pos` when it took none); `rowsRead` says how many it took.
   */
  read(buf: Uint8Array, pos: number, len: number, base: number, line: number): number {
    const cols = this.cols;
    const kinds = this.kinds;
    const width = kinds.length;
    const last = width - 1;
    const d0 = this.d0;
    const millis = this.millis;
    const range = cols.range;
    const format = cols.timeFormat;
    const { strStart, strEnd, strHash, stringFields } = this;
    const errors = cols.errors.count;
    let n = 0;
    let r = cols.tail;
    // The columns' arrays, again after `reserve` (which may replace them).
    let capacity = cols.capacity;
    let { time: times, offsets, lines, errorsBefore } = cols;
    rows: while (pos < len) {
      if (r === capacity) {
        cols.tail = r;
        cols.reserve();
        r = cols.tail;
        capacity = cols.capacity;
        ({ time: times, offsets, lines, errorsBefore } = cols);
      }
      let p = pos;
      let t = 0;
      for (let c = 0; c < width; c++) {
        const kind = kinds[c]!;
        if (kind === STRING) {
          const start = p;
          if (p < len && buf[p] === 34) break rows;
          let h = FNV_OFFSET;
          while (p < len) {
            const b = buf[p]!;
            if (b === d0 || b === 10 || b === 13) break;
            h = Math.imul(h ^ b, FNV_PRIME);
            p++;
          }
          strStart[c] = start;
          strEnd[c] = p;
          strHash[c] = h;
        } else if (kind === BOOLEAN) {
          // ASCII true or false in any case; anything else (an empty cell too) is for CsvColumns.
          const start = p;
          while (p < len) {
            const b = buf[p]!;
            if (b === d0 || b === 10 || b === 13) break;
            p++;
          }
          const k = p - start;
          let v: number;
          if (k === 4 && (buf[start]! | 32) === 116 && (buf[start + 1]! | 32) === 114 && (buf[start + 2]! | 32) === 117 && (buf[start + 3]! | 32) === 101) v = 1;
          else if (k === 5 && (buf[start]! | 32) === 102 && (buf[start + 1]! | 32) === 97 && (buf[start + 2]! | 32) === 108 && (buf[start + 3]! | 32) === 115 && (buf[start + 4]! | 32) === 101) v = 0;
          else break rows;
          cols.bools[c]![r] = v;
        } else {
          // A number (or the event time) as parseNumberBytes reads it, the field's end being the first byte after it.
          let negative = false;
          if (p < len) {
            const sign = buf[p]!;
            if (sign === 45) {
              negative = true;
              p++;
            } else if (sign === 43) p++;
          }
          let mantissa = 0;
          const intStart = p;
          for (; p < len; p++) {
            const d = buf[p]! - 48;
            if (d < 0 || d > 9) break;
            mantissa = mantissa * 10 + d;
          }
          let digits = p - intStart;
          let fraction = 0;
          if (p < len && buf[p] === 46) {
            p++;
            const fracStart = p;
            for (; p < len; p++) {
              const d = buf[p]! - 48;
              if (d < 0 || d > 9) break;
              mantissa = mantissa * 10 + d;
            }
            fraction = p - fracStart;
            digits += fraction;
          }
          if (digits === 0 || mantissa >= EXACT) break rows;
          let exponent = 0;
          if (p < len && (buf[p]! | 32) === 101) {
            p++;
            let expNegative = false;
            if (p < len && (buf[p] === 45 || buf[p] === 43)) expNegative = buf[p++] === 45;
            const expStart = p;
            for (; p < len && exponent < 100_000; p++) {
              const d = buf[p]! - 48;
              if (d < 0 || d > 9) break;
              exponent = exponent * 10 + d;
            }
            if (p === expStart) break rows;
            if (expNegative) exponent = -exponent;
          }
          const k = exponent - fraction;
          let value: number;
          if (k === 0) value = mantissa;
          else if (k < 0 && k >= -22) value = mantissa / POW10[-k]!;
          else if (k > 0 && k <= 22) value = mantissa * POW10[k]!;
          else break rows;
          if (negative) value = -value;
          if (kind === TIME) t = value;
          else cols.nums[c]![r] = value;
        }
        // The field must end here: at the delimiter, or at the row's line break after the last field.
        if (p >= len) break rows;
        const b = buf[p]!;
        if (c < last) {
          if (b !== d0) break rows;
          p++;
        } else if (b === 10) p++;
        else if (b === 13 && p + 1 < len && buf[p + 1] === 10) p += 2;
        else break rows;
      }
      const time = millis ? t : readEventTime(t, format);
      if (!inEventTimeRange(range, time)) break;
      times[r] = time;
      // Strings last: interning is the only write that outlives a row refused above.
      for (let i = 0; i < stringFields.length; i++) {
        const c = stringFields[i]!;
        const s = strStart[c]!;
        const e = strEnd[c]!;
        cols.codes[c]![r] = e === s ? -1 : cols.interners[c]!.internHashed(buf, s, e, strHash[c]!);
      }
      offsets[r] = base + pos;
      lines[r] = line + n;
      errorsBefore[r] = errors;
      r++;
      n++;
      pos = p;
    }
    cols.tail = r;
    cols.goodRows += n;
    this.rowsRead = n;
    return pos;
  }
}
