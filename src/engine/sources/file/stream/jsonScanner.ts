/**
 * NDJSON lines and the elements of a JSON array, cut out of bytes that
 * arrive in chunks cut anywhere, each handed on as text with its line (as
 * ndjson.ts and jsonArray.ts count them: NDJSON lines end at \n, \r\n or a
 * lone \r; a JSON array counts \n only). Each element is then parsed alone
 * by the sink, so one broken element is one bad row.
 */
import { logRowError, type RowErrorLog } from '../types';
import { concatBytes, decodeUtf8 } from './utf8';

/** Receives each element; its unit (the element with the blank text before it) starts at `offset` on `offsetLine`. */
export interface JsonElementSink {
  readonly errors: RowErrorLog;
  element(text: string, line: number, column: number, offset: number, offsetLine: number): void;
}

/** What both scanners share: the bytes not yet read as a complete unit. */
abstract class ByteWindow {
  protected buf: Uint8Array = new Uint8Array(0);
  protected len = 0;
  protected pos = 0;
  protected base: number;
  line: number;
  protected ended = false;

  constructor(from: { readonly offset: number; readonly line: number }) {
    this.base = from.offset;
    this.line = from.line;
  }

  get received(): number {
    return this.base + this.len;
  }

  push(chunk: Uint8Array): void {
    if (this.ended) throw new Error('push after end');
    if (chunk.length === 0) return;
    if (this.pos === this.len) {
      this.base += this.len;
      this.buf = chunk;
      this.len = chunk.length;
    } else {
      this.base += this.pos;
      this.buf = concatBytes(this.buf.subarray(this.pos, this.len), chunk);
      this.len = this.buf.length;
    }
    this.pos = 0;
    this.scan(false);
    if (this.pos < this.len && this.buf === chunk) {
      this.buf = chunk.slice(this.pos, this.len);
      this.base += this.pos;
      this.len = this.buf.length;
      this.pos = 0;
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.scan(true);
  }

  protected abstract scan(final: boolean): void;
}

export class NdjsonScanner extends ByteWindow {
  constructor(from: { readonly offset: number; readonly line: number }, private readonly sink: JsonElementSink) {
    super(from);
  }

  /** Where the next unread line starts, with its line number. */
  get mark(): { offset: number; line: number } {
    return { offset: this.base + this.pos, line: this.line };
  }

  protected scan(final: boolean): void {
    const buf = this.buf;
    const len = this.len;
    let pos = this.pos;
    while (pos < len) {
      let i = pos;
      while (i < len) {
        const b = buf[i]!;
        if (b === 10 || b === 13) break;
        i++;
      }
      let next: number;
      if (i >= len) {
        if (!final) break;
        next = len;
      } else if (buf[i] === 13) {
        if (i + 1 < len) next = buf[i + 1] === 10 ? i + 2 : i + 1;
        else if (!final) break;
        else next = len;
      } else next = i + 1;
      const text = decodeUtf8(buf, pos, i);
      if (text.trim() !== '') this.sink.element(text, this.line, 0, this.base + pos, this.line);
      this.line++;
      pos = next;
      this.pos = pos;
    }
  }
}

const IN_ARRAY = 0;
const DONE = 1;

function isSpace(b: number): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13;
}

/** Elements of a JSON array, read from just after its `[` (or from a resume point between elements). */
export class JsonArrayScanner extends ByteWindow {
  private state = IN_ARRAY;
  /** UTF-16 units since the last \n (for the column of a row nested too deep). */
  private column: number;
  private close: { offset: number; line: number; errors: number } | null = null;
  private trailingReported = false;

  constructor(from: { readonly offset: number; readonly line: number }, column: number, private readonly sink: JsonElementSink) {
    super(from);
    this.column = column;
  }

  /** Where reading may start again: before the next element, or at the closing bracket once it was read. */
  get mark(): { offset: number; line: number; errors: number } {
    return this.close ?? { offset: this.base + this.pos, line: this.line, errors: this.sink.errors.count };
  }

  protected scan(final: boolean): void {
    const buf = this.buf;
    const len = this.len;
    let pos = this.pos;
    let line = this.line;
    let column = this.column;
    while (pos < len) {
      if (this.state === DONE) {
        while (pos < len && isSpace(buf[pos]!)) if (buf[pos++] === 10) line++;
        if (pos < len && !this.trailingReported) {
          this.trailingReported = true;
          logRowError(this.sink.errors, line, 'unexpected text after the JSON array');
        }
        pos = len;
        break;
      }
      const unitStart = pos;
      const unitLine = line;
      while (pos < len && isSpace(buf[pos]!)) {
        if (buf[pos++] === 10) {
          line++;
          column = 0;
        } else column++;
      }
      if (pos >= len) break;
      if (buf[pos] === 93) {
        this.state = DONE;
        this.close = { offset: this.base + pos, line, errors: this.sink.errors.count };
        pos++;
        column++;
        continue;
      }
      const start = pos;
      const startLine = line;
      const startColumn = column;
      let depth = 0;
      let inString = false;
      let i = pos;
      for (; i < len; i++) {
        const c = buf[i]!;
        if (c === 10) {
          line++;
          column = 0;
        } else if ((c & 0xc0) !== 0x80) column += c >= 0xf0 ? 2 : 1;
        if (inString) {
          if (c === 92) {
            // The escaped byte is skipped (a \n after a backslash counts no line, as in jsonArray.ts).
            i++;
            const skipped = buf[i];
            if (skipped === 10) column = 0;
            else if (skipped !== undefined && (skipped & 0xc0) !== 0x80) column += skipped >= 0xf0 ? 2 : 1;
          } else if (c === 34) inString = false;
        } else if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          // Only `]` ends the array; a `}` outside any object belongs to a broken element.
          if (depth === 0 && c === 93) break;
          if (depth > 0) depth--;
        } else if (c === 44 && depth === 0) break;
      }
      if (i >= len && !final) {
        line = this.line;
        column = this.column;
        pos = this.pos;
        break;
      }
      const end = Math.min(i, len);
      // The delimiter itself was counted as a unit of the column above; it is consumed below only when a comma.
      if (i < len) column--;
      const text = decodeUtf8(buf, start, end).trim();
      if (text === '') logRowError(this.sink.errors, startLine, 'empty array element');
      else this.sink.element(text, startLine, startColumn, this.base + unitStart, unitLine);
      pos = end;
      if (pos < len && buf[pos] === 44) {
        pos++;
        column++;
      }
      this.pos = pos;
      this.line = line;
      this.column = column;
    }
    this.pos = pos;
    this.line = line;
    this.column = column;
  }
}
