import type { ChunkColumn, ResultChunk } from '../../worker/protocol';
import type { RecordedColumn, RecordedResults } from './types';

type Cell = number | boolean | string | null;

function cellAt(column: ChunkColumn, row: number): Cell {
  if (column.type === 'boolean') return column.values[row] === 1;
  return column.values[row] ?? null;
}

/**
 * Keeps the newest `cap` rows of one sink for the run's record, from the
 * same columnar chunks the views get. Taking a chunk only keeps a reference
 * (chunks are not changed once delivered: the tables hold them too), so a
 * frame at Max speed costs nothing here; rows are read out only when the
 * record is written, every few seconds.
 */
export class SinkCapture {
  /** Oldest first; together at least `cap` rows once that many arrived, but never a chunk more than needed. */
  private chunks: ResultChunk[] = [];
  private held = 0;
  private received = 0;

  constructor(readonly sinkId: string, readonly name: string, readonly cap: number) {}

  add(chunk: ResultChunk): void {
    this.received += chunk.length + chunk.skipped;
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.held += chunk.length;
    while (this.chunks.length > 1 && this.held - this.chunks[0]!.length >= this.cap) this.held -= this.chunks.shift()!.length;
  }

  /** What the record stores: the newest `cap` rows, oldest first; a column that came later is null in the rows before it. */
  snapshot(): RecordedResults {
    const columns: { name: string; type: RecordedColumn['type']; values: Cell[] }[] = [];
    const at = new Map<string, number>();
    const time: number[] = [];
    let skip = Math.max(0, this.held - this.cap);
    for (const chunk of this.chunks) {
      const from = Math.min(chunk.length, skip);
      skip -= from;
      const rows = chunk.length - from;
      if (rows === 0) continue;
      for (const column of chunk.columns) {
        let index = at.get(column.name);
        if (index === undefined) {
          index = columns.length;
          at.set(column.name, index);
          columns.push({ name: column.name, type: column.type, values: new Array<Cell>(time.length).fill(null) });
        }
        const values = columns[index]!.values;
        for (let row = from; row < chunk.length; row++) values.push(cellAt(column, row));
      }
      for (let row = from; row < chunk.length; row++) time.push(chunk.time[row] ?? NaN);
      // Columns this chunk lacks are null in its rows.
      for (const column of columns) while (column.values.length < time.length) column.values.push(null);
    }
    return { sinkId: this.sinkId, name: this.name, received: this.received, cap: this.cap, time, columns };
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
