/**
 * A buffered way out for results: text is gathered into large chunks (about
 * 1 MiB) before it reaches the stream, so a write costs a string append, and
 * the stream's backpressure shows as `waiting` for the run loop to honour.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** Characters gathered before a chunk goes to the stream. */
export const CHUNK_CHARS = 1 << 20;

export class ChunkedStream {
  private text = '';
  private failure: Error | null = null;

  /** `keepOpen`: standard output is flushed at close, never ended (the process may still print to it). */
  constructor(private readonly stream: Writable, private readonly keepOpen: boolean) {
    stream.on('error', (error: Error) => { this.failure ??= error; });
  }

  /** Appends text; a full chunk goes to the stream. */
  writeText(text: string): void {
    this.text += text;
    if (this.text.length >= CHUNK_CHARS) this.flushText();
  }

  /** Sends bytes after the text before them; `bytes` may be reused by the caller afterwards (they are copied). */
  writeBytes(bytes: Uint8Array): void {
    this.flushText();
    this.check();
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
    this.flushText();
    this.check();
    if (this.keepOpen) {
      await new Promise<void>((resolve, reject) => { this.stream.write('', (error) => { if (error) reject(error); else resolve(); }); });
    } else {
      this.stream.end();
      await finished(this.stream);
    }
    this.check();
  }

  private flushText(): void {
    if (this.text === '') return;
    this.check();
    this.stream.write(this.text);
    this.text = '';
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }
}
