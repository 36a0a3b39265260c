/**
 * CSV split into rows and fields on the bytes, across chunks cut anywhere.
 * A row ends at \n, \r\n or a lone \r outside quotes; a field in quotes may
 * hold delimiters and line breaks, and "" stands for one quote. As papaparse
 * (the reader this replaces): a quote that closes a field may be followed by
 * spaces before the delimiter or line break; any other quote inside a quoted
 * field is kept as text and makes the row bad ("Trailing quote on quoted
 * field is malformed"); a quote that never closes takes the rest of the file
 * into one bad row ("Quoted field unterminated"); an empty line (or a lone
 * "") is skipped. Unlike papaparse, which guesses one line break for the
 * whole file, any of the three ends a row (a file mixing them reads as the
 * lines a person sees).
 */
import { concatBytes } from './utf8';

export const MALFORMED_QUOTE = 'Trailing quote on quoted field is malformed';
export const UNTERMINATED_QUOTE = 'Quoted field unterminated';

/** Receives each complete, non-empty row; the fields are the scanner's `starts`/`ends` into `buf`. */
export interface CsvRowSink {
  row(scanner: CsvScanner, buf: Uint8Array, count: number, line: number, offset: number, problem: string | null): void;
}

export class CsvScanner {
  /** Field i of the current row is bytes [starts[i], ends[i]); escaped[i] is 1 when it holds "" pairs. */
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);
  escaped: Uint8Array = new Uint8Array(64);
  private buf: Uint8Array = new Uint8Array(0);
  private len = 0;
  private pos = 0;
  /** The absolute offset of buf[0] in the file. */
  private base: number;
  /** The line at `pos`. */
  line: number;
  /** Where the row handed to the sink ends (after its line break), and the line there. */
  nextOffset = 0;
  nextLine = 0;
  private readonly d0: number;
  private readonly delimiter: Uint8Array;
  private ended = false;

  constructor(delimiter: string, from: { readonly offset: number; readonly line: number }, private readonly sink: CsvRowSink) {
    this.delimiter = new TextEncoder().encode(delimiter);
    this.d0 = this.delimiter[0]!;
    this.base = from.offset;
    this.line = from.line;
  }

  /** The absolute offset of the first byte not yet read as part of a complete row. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Bytes received so far (the file offset after them). */
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
      this.pos = 0;
    } else {
      const rest = this.buf.subarray(this.pos, this.len);
      this.base += this.pos;
      this.buf = concatBytes(rest, chunk);
      this.len = this.buf.length;
      this.pos = 0;
    }
    this.scan(false);
    // The caller may reuse its chunk: what waits for the next one is copied.
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

  private growFields(): void {
    const n = this.starts.length * 2;
    const starts = new Int32Array(n);
    starts.set(this.starts);
    const ends = new Int32Array(n);
    ends.set(this.ends);
    const escaped = new Uint8Array(n);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }

  private isDelimiter(buf: Uint8Array, at: number, len: number): boolean {
    const d = this.delimiter;
    if (buf[at] !== d[0]) return false;
    if (at + d.length > len) return false;
    for (let i = 1; i < d.length; i++) if (buf[at + i] !== d[i]) return false;
    return true;
  }

  /** Reads every complete row of buf[pos, len); with `final`, the last one too. */
  private scan(final: boolean): void {
    const buf = this.buf;
    const len = this.len;
    const d0 = this.d0;
    const dlen = this.delimiter.length;
    const single = dlen === 1;
    let pos = this.pos;
    let line = this.line;
    rows: while (pos < len) {
      const rowStart = pos;
      const rowLine = line;
      let count = 0;
      let problem: string | null = null;
      let p = pos;
      for (;;) {
        if (count === this.starts.length) this.growFields();
        let start: number;
        let end: number;
        let escaped = 0;
        if (p < len && buf[p] === 34) {
          start = ++p;
          for (;;) {
            while (p < len) {
              const b = buf[p]!;
              if (b === 34) break;
              if (b === 10 || (b === 13 && buf[p + 1] !== 10)) line++;
              p++;
            }
            if (p >= len) {
              if (!final) break rows;
              problem ??= UNTERMINATED_QUOTE;
              end = len;
              break;
            }
            // buf[p] is a quote: an escaped one, the closing one, or a stray one kept as text.
            if (p + 1 >= len) {
              if (!final) break rows;
              end = p++;
              break;
            }
            if (buf[p + 1] === 34) {
              escaped = 1;
              p += 2;
              continue;
            }
            let q = p + 1;
            while (q < len && (buf[q] === 32 || buf[q] === 9) && buf[q] !== d0) q++;
            // Undecidable until more bytes come: the line break or delimiter may be cut.
            if (!final && q + dlen >= len) break rows;
            if (q < len && (buf[q] === 10 || buf[q] === 13 || (buf[q] === d0 && this.isDelimiter(buf, q, len)))) {
              end = p;
              p = q;
              break;
            }
            problem ??= MALFORMED_QUOTE;
            p++;
          }
        } else {
          start = p;
          if (single) {
            while (p < len) {
              const b = buf[p]!;
              if (b === d0 || b === 10 || b === 13) break;
              p++;
            }
          } else {
            while (p < len) {
              const b = buf[p]!;
              if (b === 10 || b === 13 || (b === d0 && this.isDelimiter(buf, p, len))) break;
              p++;
            }
          }
          end = p;
        }
        this.starts[count] = start;
        this.ends[count] = end;
        this.escaped[count] = escaped;
        count++;
        if (p >= len) {
          // A multi-byte delimiter cut by the chunk's end waits too.
          if (!final) break rows;
          pos = len;
          break;
        }
        const b = buf[p]!;
        if (b === 10) {
          line++;
          pos = p + 1;
          break;
        }
        if (b === 13) {
          if (p + 1 < len) pos = buf[p + 1] === 10 ? p + 2 : p + 1;
          else if (!final) break rows;
          else pos = p + 1;
          line++;
          break;
        }
        p += dlen;
      }
      // An empty line (or a lone "") is no row; either way the scanner moves past it.
      if (count !== 1 || problem !== null || this.ends[0] !== this.starts[0]) {
        this.nextOffset = this.base + pos;
        this.nextLine = line;
        this.sink.row(this, buf, count, rowLine, this.base + rowStart, problem);
      }
      this.pos = pos;
      this.line = line;
    }
  }
}
