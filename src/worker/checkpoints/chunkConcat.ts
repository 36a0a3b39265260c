/** Cutting and joining result chunks: a sink's contents for a checkpoint are one chunk of its held results. */
import type { ChunkColumn, ResultChunk } from '../protocol';

/** Rows [from, to) of `chunk`, copied. */
export function sliceChunk(chunk: ResultChunk, from: number, to: number): ResultChunk {
  const columns = chunk.columns.map((c): ChunkColumn => (c.type === 'string'
    ? { name: c.name, type: c.type, values: c.values.slice(from, to) }
    : c.type === 'boolean' ? { name: c.name, type: c.type, values: c.values.slice(from, to) } : { name: c.name, type: c.type, values: c.values.slice(from, to) }));
  return {
    sinkId: chunk.sinkId,
    length: to - from,
    time: chunk.time.slice(from, to),
    columns,
    skipped: 0,
    ...(chunk.positions === undefined ? {} : { positions: chunk.positions.slice(from, to) }),
  };
}

function emptyLike(column: ChunkColumn, length: number): ChunkColumn {
  if (column.type === 'string') return { name: column.name, type: 'string', values: new Array<string | null>(length).fill(null) };
  if (column.type === 'boolean') return { name: column.name, type: 'boolean', values: new Uint8Array(length) };
  return { name: column.name, type: column.type, values: new Float64Array(length).fill(NaN) };
}

/**
 * The chunks one after the other as one chunk of `sinkId`, the newest `cap`
 * rows of them. Columns are the union, typed as first met; a chunk without
 * a column (or with another type for it) leaves its cells empty there.
 */
export function concatChunks(sinkId: string, chunks: readonly ResultChunk[], cap = Infinity): ResultChunk {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const length = Math.min(total, cap);
  let skip = total - length;
  const columns = new Map<string, ChunkColumn>();
  for (const chunk of chunks) for (const c of chunk.columns) if (!columns.has(c.name)) columns.set(c.name, emptyLike(c, length));
  const time = new Float64Array(length);
  const positions = new Float64Array(length);
  let at = 0;
  for (const chunk of chunks) {
    const from = Math.min(skip, chunk.length);
    skip -= from;
    const n = chunk.length - from;
    if (n === 0) continue;
    time.set(chunk.time.subarray(from), at);
    if (chunk.positions !== undefined) positions.set(chunk.positions.subarray(from), at);
    for (const c of chunk.columns) {
      const out = columns.get(c.name)!;
      if (out.type === 'string' && c.type === 'string') for (let i = 0; i < n; i++) out.values[at + i] = c.values[from + i]!;
      else if (out.type === 'boolean' && c.type === 'boolean') out.values.set(c.values.subarray(from), at);
      else if ((out.type === 'number' || out.type === 'time') && (c.type === 'number' || c.type === 'time')) out.values.set(c.values.subarray(from), at);
    }
    at += n;
  }
  const skipped = chunks.reduce((n, c) => n + c.skipped, 0) + total - length;
  return { sinkId, length, time, columns: [...columns.values()], skipped, positions };
}
