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
import { ByteWindow } from './byteWindow';
import type { CsvFastRows } from './csvFastRows';

export const MALFORMED_QUOTE = 'Trailing quote on quoted field is malformed';
export const UNTERMINATED_QUOTE = 'Quoted field unterminated';

/** Receives each complete, non-empty row; the fields are the scanner's `starts`/`ends` into `buf`. */
export interface CsvRowSink {
  row(scanner: CsvScanner, buf: Uint8Array, count: number, line: number, offset: number, problem: string | null): void;
}

export class CsvScanner extends ByteWindow {
  /** Field i of the current row is bytes [starts[i], ends[i]); escaped[i] is 1 when it holds "" pairs. */
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);
  escaped: Uint8Array = new Uint8Array(64);
  /** Where the row handed to the sink ends (after its line break), and the line there. */
  nextOffset = 0;
  nextLine = 0;
  private readonly d0: number;
  private readonly delimiter: Uint8Array;

  /**
   * `fast`: reads the common rows straight into the sink's columns (see
   * ./csvFastRows.ts); the scanner reads each row it stops at, then hands back.
   */
  constructor(
    delimiter: string,
    from: { readonly offset: number; readonly line: number },
    private readonly sink: CsvRowSink,
    private readonly fast: CsvFastRows | null = null,
  ) {
    super(from);
    this.delimiter = new TextEncoder().encode(delimiter);
    this.d0 = this.delimiter[0]!;
  }

  /** The absolute offset of the first byte not yet read as part of a complete row. */
  get offset(): number {
    return this.base + this.pos;
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
  protected scan(final: boolean): void {
    const buf = this.buf;
    const len = this.len;
    const d0 = this.d0;
    const dlen = this.delimiter.length;
    const single = dlen === 1;
    const fast = this.fast;
    let pos = this.pos;
    let line = this.line;
    rows: while (pos < len) {
      if (fast !== null) {
        const to = fast.read(buf, pos, len, this.base, line);
        if (to !== pos) {
          line += fast.rowsRead;
          pos = to;
          this.pos = pos;
          this.line = line;
          if (pos >= len) break;
        }
      }
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
