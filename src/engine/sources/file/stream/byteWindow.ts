/**
 * The bytes a scanner has received and not yet read as complete units (rows,
 * lines, elements), with their place in the file. A chunk is scanned where
 * it lies when nothing waits before it; otherwise the waiting bytes and the
 * chunk are put together in a buffer that is reused (nothing keeps a
 * reference into it: cells are converted while their row is read).
 */
export abstract class ByteWindow {
  protected buf: Uint8Array = new Uint8Array(0);
  protected len = 0;
  /** Where the first byte not yet read as part of a complete unit lies in `buf`. */
  protected pos = 0;
  /** The absolute offset of buf[0] in the file. */
  protected base: number;
  /** The line at `pos`. */
  line: number;
  private ended = false;
  /**
   * A unit still incomplete after a scan is scanned again from its start
   * only once the bytes waiting have doubled: a row of many megabytes (or a
   * quote that never closes) costs a few scans of itself, not one per chunk.
   */
  private waitFor = 0;
  /** How many times the bytes were scanned (for the test that a long unit is not rescanned per chunk). */
  scans = 0;
  private own: Uint8Array = new Uint8Array(0);

  constructor(from: { readonly offset: number; readonly line: number }) {
    this.base = from.offset;
    this.line = from.line;
  }

  /** The file offset after the bytes received so far. */
  get received(): number {
    return this.base + this.len;
  }

  push(chunk: Uint8Array): void {
    if (this.ended) throw new Error('push after end');
    if (chunk.length === 0) return;
    const rest = this.len - this.pos;
    if (rest === 0) {
      this.base += this.len;
      this.buf = chunk;
      this.len = chunk.length;
    } else {
      this.keep(rest + chunk.length);
      this.own.set(chunk, rest);
      this.buf = this.own;
      this.len = rest + chunk.length;
    }
    this.pos = 0;
    if (this.len < this.waitFor) {
      this.keepChunk(chunk);
      return;
    }
    this.scans++;
    this.scan(false);
    const waiting = this.len - this.pos;
    this.waitFor = waiting > 4096 ? waiting * 2 : 0;
    this.keepChunk(chunk);
  }

  private keepChunk(chunk: Uint8Array): void {
    // The caller may reuse its chunk: what waits for the next one is copied.
    if (this.pos < this.len && this.buf === chunk) {
      this.keep(this.len - this.pos);
      this.buf = this.own;
      this.len -= this.pos;
      this.pos = 0;
    }
  }

  /** Moves buf[pos, len) to the start of the own buffer (with room for `size` bytes) and rebases. */
  private keep(size: number): void {
    if (this.own.length < size) {
      const own = new Uint8Array(Math.max(size, this.own.length * 2, 1024));
      own.set(this.buf.subarray(this.pos, this.len), 0);
      this.own = own;
    } else if (this.buf === this.own) {
      // Already at the start (a unit still waiting): nothing to move.
      if (this.pos > 0) this.own.copyWithin(0, this.pos, this.len);
    }
    else this.own.set(this.buf.subarray(this.pos, this.len), 0);
    this.base += this.pos;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.scan(true);
  }

  /** Reads every complete unit of buf[pos, len), updating pos and line; with `final`, the last one too. */
  protected abstract scan(final: boolean): void;
}
