import type { ResultChunk } from '../worker/protocol';
import { cellAt, columnOf, keyOf, numberAt, REVISION_FIELD, WINDOW_END_FIELD, WINDOW_START_FIELD, type Cell } from './cells';
import { Notifier } from './notifier';

/** A column of the table: the fields of the results, in the order they first appeared. */
export interface TableColumn {
  readonly name: string;
  readonly type: ResultChunk['columns'][number]['type'];
}

/** One result as the table holds it; `cells` line up with the table's columns. */
export interface TableRow {
  readonly seq: number;
  readonly cells: readonly Cell[];
  readonly revision: number;
  /** Its key and window bounds, which its revisions share. */
  readonly window: string;
  /** A later revision of the same key and window arrived: this row is no longer the answer. */
  superseded: boolean;
}

/**
 * The newest `maxRows` results of a table sink, in a ring (no copying when
 * the oldest fall off). A result with revision > 0 marks the row it replaces
 * (same key fields and window bounds) superseded. `keyFields` are the key
 * fields of the aggregate before the sink, which the result rows do not name.
 */
export class TableBuffer extends Notifier {
  columns: readonly TableColumn[] = [];
  private ring: TableRow[] = [];
  /** Index in `ring` of the oldest row, once it is full. */
  private head = 0;
  private seq = 0;
  /** Key and window -> the latest row of it still held. */
  private latest = new Map<string, TableRow>();

  constructor(readonly maxRows: number, readonly keyFields: readonly string[]) {
    super();
  }

  get size(): number {
    return this.ring.length;
  }

  /** The row at `index`, newest first. */
  rowAt(index: number): TableRow | undefined {
    if (index < 0 || index >= this.ring.length) return undefined;
    const n = this.ring.length;
    return this.ring[(this.head + n - 1 - index) % n];
  }

  /** Every row held, oldest first, as downloads write them. */
  *oldestFirst(): Generator<TableRow> {
    for (let i = this.ring.length - 1; i >= 0; i--) yield this.rowAt(i)!;
  }

  ingest(chunk: ResultChunk): void {
    if (chunk.length === 0) return;
    const positions = chunk.columns.map((c) => this.columnIndex(c.name, c.type));
    const keys = this.keyFields.map((name) => columnOf(chunk, name));
    const start = columnOf(chunk, WINDOW_START_FIELD);
    const end = columnOf(chunk, WINDOW_END_FIELD);
    const revision = columnOf(chunk, REVISION_FIELD);
    const width = this.columns.length;
    for (let row = 0; row < chunk.length; row++) {
      const cells: Cell[] = new Array<Cell>(width).fill(null);
      for (let c = 0; c < chunk.columns.length; c++) cells[positions[c]!] = cellAt(chunk.columns[c]!, row);
      const rev = numberAt(revision, row) ?? 0;
      // Without a revision column nothing is ever replaced, so no window index is needed.
      const window = revision === undefined ? '' : `${keyOf(keys, row)}|${numberAt(start, row)}|${numberAt(end, row)}`;
      const entry: TableRow = { seq: this.seq++, cells, revision: rev, window, superseded: false };
      if (revision !== undefined) {
        const previous = this.latest.get(window);
        if (previous !== undefined && rev > 0) previous.superseded = true;
        this.latest.set(window, entry);
      }
      this.push(entry);
    }
    this.changed();
  }

  clear(): void {
    this.columns = [];
    this.ring = [];
    this.head = 0;
    this.latest = new Map();
    this.changed();
  }

  private push(entry: TableRow): void {
    if (this.ring.length < this.maxRows) {
      this.ring.push(entry);
      return;
    }
    const dropped = this.ring[this.head]!;
    this.ring[this.head] = entry;
    this.head = (this.head + 1) % this.maxRows;
    // Unless a newer row of its window took its place, the window leaves the revision index with it.
    if (this.latest.get(dropped.window) === dropped) this.latest.delete(dropped.window);
  }

  private columnIndex(name: string, type: TableColumn['type']): number {
    const at = this.columns.findIndex((c) => c.name === name);
    if (at >= 0) return at;
    this.columns = [...this.columns, { name, type }];
    return this.columns.length - 1;
  }
}
