import type { ResultChunk } from '../worker/protocol';
import { columnOf, keyOf, numberAt, REVISION_FIELD, WINDOW_END_FIELD, WINDOW_START_FIELD } from './cells';
import { Notifier } from './notifier';
import type { TableColumn, TableRow } from './tableRow';
import { Segment } from './tableSegment';

/**
 * The newest `maxRows` results of a table sink. Chunks are kept as they
 * arrived, columnar, and rows are read out only for the few a view shows, so
 * taking in 50,000 rows in a frame costs next to nothing. A result with
 * revision > 0 marks the row it replaces (same key fields and window bounds)
 * superseded. The key-and-window index that finds that row is built lazily:
 * only when a revised row arrives, and only for rows still held, each row at
 * most once, so results that are never revised (most runs) cost no per-row
 * work and a chunk bigger than the table indexes only the rows it keeps. `keyFields` are the key fields of the aggregate before the
 * sink, which result rows do not name.
 */
export class TableBuffer extends Notifier {
  columns: readonly TableColumn[] = [];
  private segments: Segment[] = [];
  /** Index of the oldest segment still held (dropped ones are compacted away now and then). */
  private first = 0;
  /** Sequence number of the oldest row held, and of the next row to arrive. */
  private oldest = 0;
  private next = 0;
  /** Key and window -> where its latest row is. */
  private latest = new Map<string, { segment: Segment; row: number }>();
  /** Index of the first segment not yet in `latest` (segments before it, if still held, are). */
  private unindexed = 0;

  constructor(readonly maxRows: number, readonly keyFields: readonly string[]) {
    super();
  }

  get size(): number {
    return this.next - this.oldest;
  }

  /** The row at `index`, newest first. */
  rowAt(index: number): TableRow | undefined {
    if (index < 0 || index >= this.size) return undefined;
    const seq = this.next - 1 - index;
    const segment = this.segmentOf(seq);
    return segment.row(seq - segment.seqBase, seq, this.columns.length);
  }

  /** Every row held, oldest first, as downloads write them. */
  *oldestFirst(): Generator<TableRow> {
    for (let i = this.size - 1; i >= 0; i--) yield this.rowAt(i)!;
  }

  ingest(chunk: ResultChunk): void {
    if (chunk.length === 0) return;
    const positions = chunk.columns.map((c) => this.columnIndex(c.name, c.type));
    const revision = columnOf(chunk, REVISION_FIELD);
    const segment = new Segment(chunk, positions, this.next, revision);
    this.segments.push(segment);
    this.next += chunk.length;
    this.trim();
    // Until a row revises an earlier one no row needs a window identity; then the held rows get theirs, in order.
    if (segment.hasRevisions()) this.indexHeld();
    this.changed();
  }

  clear(): void {
    this.columns = [];
    this.segments = [];
    this.first = 0;
    this.unindexed = 0;
    this.oldest = this.next;
    this.latest = new Map();
    this.changed();
  }

  /** Indexes the held segments not indexed yet, oldest first, from the oldest row held. */
  private indexHeld(): void {
    for (let i = Math.max(this.unindexed, this.first); i < this.segments.length; i++) {
      const segment = this.segments[i]!;
      this.indexWindows(segment, Math.max(0, this.oldest - segment.seqBase));
    }
    this.unindexed = this.segments.length;
  }

  private indexWindows(segment: Segment, from: number): void {
    const chunk = segment.chunk;
    const keys = this.keyFields.map((name) => columnOf(chunk, name));
    const start = columnOf(chunk, WINDOW_START_FIELD);
    const end = columnOf(chunk, WINDOW_END_FIELD);
    const windows: string[] = [];
    for (let row = from; row < chunk.length; row++) {
      const id = `${keyOf(keys, row)}|${numberAt(start, row)}|${numberAt(end, row)}`;
      windows.push(id);
      const previous = this.latest.get(id);
      if (previous !== undefined && segment.revisionAt(row) > 0) previous.segment.supersede(previous.row);
      this.latest.set(id, { segment, row });
    }
    segment.windows = windows;
    segment.windowsFrom = from;
  }

  /** Drops the oldest rows past maxRows: whole segments, then the front of the oldest one. */
  private trim(): void {
    const from = this.next - this.maxRows;
    if (from <= this.oldest) return;
    this.oldest = from;
    while (this.first < this.segments.length && this.segments[this.first]!.seqEnd <= from) this.forget(this.segments[this.first++]!);
    // Compact the dropped segments away once they are half the array: amortised O(1) per segment.
    if (this.first > 64 && this.first * 2 > this.segments.length) {
      this.segments = this.segments.slice(this.first);
      this.unindexed = Math.max(0, this.unindexed - this.first);
      this.first = 0;
    }
  }

  /** A dropped segment's windows leave the revision index, unless a newer row of theirs took their place. */
  private forget(segment: Segment): void {
    segment.windows?.forEach((id, i) => {
      const row = segment.windowsFrom + i;
      const at = this.latest.get(id);
      if (at !== undefined && at.segment === segment && at.row === row) this.latest.delete(id);
    });
  }

  /** The segment holding row `seq` (binary search: segments are in sequence order). */
  private segmentOf(seq: number): Segment {
    let lo = this.first;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.seqBase <= seq) lo = mid;
      else hi = mid - 1;
    }
    return this.segments[lo]!;
  }

  private columnIndex(name: string, type: TableColumn['type']): number {
    const at = this.columns.findIndex((c) => c.name === name);
    if (at >= 0) return at;
    this.columns = [...this.columns, { name, type }];
    return this.columns.length - 1;
  }
}

