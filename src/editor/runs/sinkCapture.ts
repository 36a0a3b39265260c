/**
 * Keeps the newest `cap` rows of one sink for the run's record, from the
 * same columnar chunks the views get. Only the last `cap` rows of a chunk are
 * read, so a chunk of 50,000 rows at Max speed costs what a chunk of `cap`
 * does.
 */
import type { ChunkColumn, ResultChunk } from '../../worker/protocol';
import type { RecordedColumn, RecordedResults } from './types';

type Cell = number | boolean | string | null;

function cellAt(column: ChunkColumn, row: number): Cell {
  if (column.type === 'boolean') return column.values[row] === 1;
  return column.values[row] ?? null;
}

export class SinkCapture {
  private columns: { name: string; type: RecordedColumn['type'] }[] = [];
  private readonly at = new Map<string, number>();
  /** Oldest first; each row's cells line up with `columns` (shorter rows: the columns that came later are null). */
  private rows: { time: number; cells: Cell[] }[] = [];
  private received = 0;

  constructor(readonly sinkId: string, readonly name: string, readonly cap: number) {}

  add(chunk: ResultChunk): void {
    this.received += chunk.length + chunk.skipped;
    const from = Math.max(0, chunk.length - this.cap);
    const places = chunk.columns.map((c) => this.place(c));
    for (let row = from; row < chunk.length; row++) {
      const cells: Cell[] = [];
      chunk.columns.forEach((c, i) => {
        cells[places[i]!] = cellAt(c, row);
      });
      this.rows.push({ time: chunk.time[row] ?? NaN, cells });
    }
    // Trimmed in halves, so the copy is amortised over `cap` rows.
    if (this.rows.length > 2 * this.cap) this.rows = this.rows.slice(-this.cap);
  }

  /** What the record stores: the newest `cap` rows, oldest first. */
  snapshot(): RecordedResults {
    const rows = this.rows.length > this.cap ? this.rows.slice(-this.cap) : this.rows;
    return {
      sinkId: this.sinkId,
      name: this.name,
      received: this.received,
      cap: this.cap,
      time: rows.map((r) => r.time),
      columns: this.columns.map((c, i) => ({ ...c, values: rows.map((r) => r.cells[i] ?? null) })),
    };
  }

  private place(column: ChunkColumn): number {
    const known = this.at.get(column.name);
    if (known !== undefined) return known;
    this.columns.push({ name: column.name, type: column.type });
    this.at.set(column.name, this.columns.length - 1);
    return this.columns.length - 1;
  }
}

/** Recorded results as one chunk, so the results table's buffer (TableBuffer) shows them as it shows live ones. */
export function chunkOf(results: RecordedResults): ResultChunk {
  const length = results.time.length;
  const columns: ChunkColumn[] = results.columns.map((c): ChunkColumn => {
    if (c.type === 'string') return { name: c.name, type: 'string', values: c.values.map((v) => (v === null ? null : String(v))) };
    if (c.type === 'boolean') return { name: c.name, type: 'boolean', values: Uint8Array.from(c.values, (v) => (v === true ? 1 : 0)) };
    return { name: c.name, type: c.type, values: Float64Array.from(c.values, (v) => (typeof v === 'number' ? v : NaN)) };
  });
  return { sinkId: results.sinkId, length, time: Float64Array.from(results.time), columns, skipped: 0 };
}
