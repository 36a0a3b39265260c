import type { ResultChunk } from '../worker/protocol';
import { cellAt } from './cells';
import { formatCell, formatFieldNumber } from './format';
import { Notifier } from './notifier';

/** One line of a log view: its place in the run's log (from 0) and its text. */
export interface LogLine {
  readonly seq: number;
  readonly text: string;
}

/**
 * The newest `maxLines` rows a log sink received, each as one line of
 * `field=value` pairs. Log rows cross the worker as plain values, so which
 * fields are times comes from the document (`timeFields`), and those read
 * as UTC date-times like everywhere else. Lines are formatted once, on arrival.
 */
export class LogBuffer extends Notifier {
  /** Rows received this run, including those no longer held. */
  received = 0;
  private lines: string[] = [];
  /** Index of the oldest held line in `lines` (the front is dropped in bulk, not one shift per row). */
  private start = 0;

  constructor(readonly maxLines: number, readonly timeFields: ReadonlySet<string>) {
    super();
  }

  get size(): number {
    return this.lines.length - this.start;
  }

  /** The line at `index`, oldest first (a log reads downwards). */
  lineAt(index: number): LogLine | undefined {
    if (index < 0 || index >= this.size) return undefined;
    return { seq: this.received - this.size + index, text: this.lines[this.start + index]! };
  }

  ingest(chunk: ResultChunk): void {
    // Rows the worker left out (more arrived in one frame than a log keeps) still count as received.
    this.received += chunk.skipped;
    if (chunk.length === 0 && chunk.skipped === 0) return;
    for (let row = 0; row < chunk.length; row++) {
      const parts: string[] = [];
      for (const column of chunk.columns) {
        const type = this.timeFields.has(column.name) && column.type === 'number' ? 'time' : column.type;
        // Values as the CLI's JSON lines give them: a log shows records, not a summary rounded to read.
        parts.push(`${column.name}=${formatCell(cellAt(column, row), type, formatFieldNumber)}`);
      }
      this.lines.push(parts.join('  '));
    }
    this.received += chunk.length;
    if (this.size > this.maxLines) this.start = this.lines.length - this.maxLines;
    // Compact once the dropped front is as long as what is kept: amortised O(1) per line.
    if (this.start >= this.maxLines) {
      this.lines = this.lines.slice(this.start);
      this.start = 0;
    }
    this.changed();
  }

  clear(): void {
    this.lines = [];
    this.start = 0;
    this.received = 0;
    this.changed();
  }
}
