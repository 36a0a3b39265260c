/**
 * A buffered way out for results: bytes are gathered into large chunks
 * (about 1 MiB) before they reach the stream, so a write costs a copy into
 * the buffer (byte writers fill it in place, see ByteSink), and the stream's
 * backpressure shows as `waiting` for the run loop to honour.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ByteSink } from './byteSink';

/** Bytes gathered before a chunk goes to the stream. */
export const CHUNK_BYTES = 1 << 20;

export class ChunkedStream implements ByteSink {
  /** The chunk being filled; a full one is handed to the stream as it is and a new one is made. */
  bytes: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  at = 0;
  /** Bytes handed to the stream so far (a checkpoint commits up to here, cli/checkpoint/). */
  handed = 0;
  private failure: Error | null = null;

  /** `keepOpen`: standard output is flushed at close, never ended (the process may still print to it). */
  constructor(private readonly stream: Writable, private readonly keepOpen: boolean) {
    stream.on('error', (error: Error) => { this.failure ??= error; });
  }

  /** Makes room for `count` bytes at `at`, sending the gathered chunk first when it is too full. */
  room(count: number): void {
    if (this.at + count <= this.bytes.length) return;
    this.flushBytes();
    if (count > this.bytes.length) this.bytes = Buffer.allocUnsafe(count);
  }

  /** Appends text as UTF-8 (a lone surrogate as U+FFFD, as a stream writes text). */
  writeText(text: string): void {
    const most = text.length * 3;
    if (most > CHUNK_BYTES) {
      this.flushBytes();
      this.check();
      const bytes = Buffer.from(text);
      this.handed += bytes.length;
      this.stream.write(bytes);
      return;
    }
    this.room(most);
    this.at += this.bytes.write(text, this.at);
  }

  /** Sends bytes after the text before them; `bytes` may be reused by the caller afterwards (they are copied). */
  writeBytes(bytes: Uint8Array): void {
    this.flushBytes();
    this.check();
    this.handed += bytes.length;
    this.stream.write(Buffer.from(bytes));
  }

  /** True when the stream holds more than it wants: wait for `drain()` before writing more. */
  get waiting(): boolean {
    return this.stream.writableNeedDrain;
  }

  /** Resolves when the stream has room again (at once if it has); rejects if it failed. */
  async drain(): Promise<void> {
    this.check();
    if (!this.stream.writableNeedDrain) return;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        if (error === undefined) resolve(); else reject(error);
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  /** Sends what is gathered and ends the stream (or flushes standard output); rejects if writing failed. */
  async close(): Promise<void> {
    this.flushBytes();
    this.check();
    if (this.keepOpen) {
      await new Promise<void>((resolve, reject) => { this.stream.write('', (error) => { if (error) reject(error); else resolve(); }); });
    } else {
      this.stream.end();
      await finished(this.stream);
    }
    this.check();
  }

  /**
   * Hands what is gathered to the stream; resolves once the stream has
   * written every byte handed to it so far (writes complete in order), so a
   * checkpoint can then fsync them.
   */
  flush(): Promise<void> {
    this.flushBytes();
    this.check();
    return new Promise((resolve, reject) => {
      this.stream.write(Buffer.alloc(0), (error) => { if (error) reject(error); else resolve(); });
    });
  }

  /** Hands the gathered bytes to the stream (which keeps them) and starts a new chunk. */
  private flushBytes(): void {
    if (this.at === 0) return;
    this.check();
    this.handed += this.at;
    this.stream.write(this.bytes.subarray(0, this.at));
    this.bytes = Buffer.allocUnsafe(CHUNK_BYTES);
    this.at = 0;
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }
}
