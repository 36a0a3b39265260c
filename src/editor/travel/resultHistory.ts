/**
 * The results of one sink as they arrived, each row with the run position it
 * was emitted at, so that time travel can show only those emitted by then:
 * the views' buffers are refilled from here when the run's shown position
 * moves, and rows of a future the run dropped (it went on from the past) go.
 * Bounded: the oldest chunks go once more than `cap` rows are kept.
 */
import type { ChunkColumn, ResultChunk } from '../../worker/protocol';

/** The first `n` rows of a chunk (views over the same buffers). */
export function chunkPrefix(chunk: ResultChunk, n: number): ResultChunk {
  if (n >= chunk.length) return chunk;
  const columns = chunk.columns.map((c): ChunkColumn => (c.type === 'string' ? { ...c, values: c.values.slice(0, n) } : c.type === 'boolean' ? { ...c, values: c.values.subarray(0, n) } : { ...c, values: c.values.subarray(0, n) }));
  return { ...chunk, length: n, time: chunk.time.subarray(0, n), columns, ...(chunk.positions === undefined ? {} : { positions: chunk.positions.subarray(0, n) }) };
}

/** Rows of `chunk` emitted at or before `position` (a prefix: positions only grow within a chunk). */
function rowsUpTo(chunk: ResultChunk, position: number): number {
  const at = chunk.positions;
  if (at === undefined) return chunk.length;
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rows of `chunk` emitted at or before `position`. */
export function chunkUpTo(chunk: ResultChunk, position: number): ResultChunk {
  return chunkPrefix(chunk, rowsUpTo(chunk, position));
}

export class ResultHistory {
  private chunks: ResultChunk[] = [];
  private rows = 0;

  constructor(private readonly cap: number) {}

  add(chunk: ResultChunk): void {
    if (chunk.length === 0 && chunk.skipped === 0) return;
    this.chunks.push(chunk);
    this.rows += chunk.length;
    while (this.chunks.length > 1 && this.rows - this.chunks[0]!.length >= this.cap) this.rows -= this.chunks.shift()!.length;
  }

  /** The chunks as a view at `position` shows them (null: all). */
  upTo(position: number | null): ResultChunk[] {
    if (position === null) return [...this.chunks];
    const out: ResultChunk[] = [];
    for (const chunk of this.chunks) {
      const n = rowsUpTo(chunk, position);
      if (n > 0) out.push(chunkPrefix(chunk, n));
      if (n < chunk.length) break;
    }
    return out;
  }

  /** The run went on from `position` after `cuts` cuts: rows of the future it dropped go (not those drained since). */
  dropFuture(position: number, cuts: number): void {
    const kept: ResultChunk[] = [];
    for (const chunk of this.chunks) {
      if ((chunk.cuts ?? 0) >= cuts) kept.push(chunk);
      else {
        const n = rowsUpTo(chunk, position);
        if (n > 0) kept.push(chunkPrefix(chunk, n));
      }
    }
    this.chunks = kept;
    this.rows = kept.reduce((sum, c) => sum + c.length, 0);
  }

  clear(): void {
    this.chunks = [];
    this.rows = 0;
  }
}
