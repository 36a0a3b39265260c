import type { ChunkColumn, ResultChunk } from '../worker/protocol';

type Value = string | number | boolean | null;

/**
 * A results chunk from plain rows, for tests: `window_start`, `window_end`
 * and `ts` are times, other numbers numbers; `time` defaults to window_end - 1.
 */
export function chunkOf(rows: readonly Record<string, Value>[], sinkId = 'sink'): ResultChunk {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns: ChunkColumn[] = names.map((name): ChunkColumn => {
    const values = rows.map((r) => r[name] ?? null);
    const sample = values.find((v) => v !== null);
    if (typeof sample === 'string') return { name, type: 'string', values: values.map((v) => (v === null ? null : String(v))) };
    if (typeof sample === 'boolean') return { name, type: 'boolean', values: Uint8Array.from(values, (v) => (v === true ? 1 : 0)) };
    const type = name === 'window_start' || name === 'window_end' || name === 'ts' ? 'time' : 'number';
    return { name, type, values: Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN)) };
  });
  const time = Float64Array.from(rows, (r) => (typeof r.ts === 'number' ? r.ts : typeof r.window_end === 'number' ? r.window_end - 1 : 0));
  return { sinkId, length: rows.length, time, columns, skipped: 0 };
}
