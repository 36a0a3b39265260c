/** Turning a sink's batches (or a log sink's rows) into one columnar ResultChunk for the page. */
import type { Batch, Column } from '../engine/batch';
import type { Row } from '../engine/operators/sinks';
import type { ChunkColumn, ResultChunk } from './protocol';

/** The rows [from, to) of one batch, appended to the chunk's columns at `at`. */
function copyRows(batch: Batch, from: number, to: number, at: number, time: Float64Array, columns: Map<string, ChunkColumn>): void {
  time.set(batch.time.subarray(from, to), at);
  for (const [name, out] of columns) {
    const column: Column | undefined = batch.columns[name];
    if (column === undefined) continue;
    if (out.type === 'string') {
      if (column.type !== 'string') continue;
      const { codes, dict } = column;
      for (let i = from; i < to; i++) {
        const code = codes[i]!;
        out.values[at + i - from] = code < 0 ? null : dict.values[code]!;
      }
    } else if (column.type !== 'string') out.values.set(column.values.subarray(from, to), at);
  }
}

function emptyColumns(template: Batch, length: number): Map<string, ChunkColumn> {
  const columns = new Map<string, ChunkColumn>();
  for (const [name, c] of Object.entries(template.columns)) {
    if (c.type === 'string') columns.set(name, { name, type: 'string', values: new Array<string | null>(length).fill(null) });
    else if (c.type === 'boolean') columns.set(name, { name, type: 'boolean', values: new Uint8Array(length) });
    else columns.set(name, { name, type: c.type, values: new Float64Array(length).fill(NaN) });
  }
  return columns;
}

/** The newest `cap` rows of `batches` (oldest first) as one chunk; rows left out add to `skipped`. `at[i]`: the run position batch i was emitted at. */
export function chunkFromBatches(sinkId: string, batches: readonly Batch[], cap: number, skipped: number, at: readonly number[] = []): ResultChunk {
  const total = batches.reduce((n, b) => n + b.length, 0);
  const length = Math.min(total, cap);
  let skip = total - length;
  const time = new Float64Array(length);
  const columns = batches.length === 0 ? new Map<string, ChunkColumn>() : emptyColumns(batches[batches.length - 1]!, length);
  const positions = new Float64Array(length);
  let to = 0;
  batches.forEach((batch, b) => {
    const from = Math.min(skip, batch.length);
    skip -= from;
    if (from === batch.length) return;
    copyRows(batch, from, batch.length, to, time, columns);
    positions.fill(at[b] ?? 0, to, to + batch.length - from);
    to += batch.length - from;
  });
  return { sinkId, length, time, columns: [...columns.values()], skipped: skipped + total - length, positions };
}

/** Log sink rows as a chunk: each field typed by its first non-null value; times are not known (NaN). `at[i]`: row i's run position. */
export function chunkFromRows(sinkId: string, rows: readonly Row[], skipped: number, at: readonly number[] = []): ResultChunk {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns: ChunkColumn[] = names.map((name) => {
    const sample = rows.find((r) => r[name] !== null && r[name] !== undefined)?.[name];
    if (typeof sample === 'number') return { name, type: 'number', values: Float64Array.from(rows, (r) => (typeof r[name] === 'number' ? r[name] : NaN)) };
    if (typeof sample === 'boolean') return { name, type: 'boolean', values: Uint8Array.from(rows, (r) => (r[name] === true ? 1 : 0)) };
    return { name, type: 'string', values: rows.map((r) => (r[name] === null || r[name] === undefined ? null : String(r[name]))) };
  });
  return { sinkId, length: rows.length, time: new Float64Array(rows.length).fill(NaN), columns, skipped, positions: Float64Array.from(rows, (_, i) => at[i] ?? 0) };
}
