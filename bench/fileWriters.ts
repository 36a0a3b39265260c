/**
 * How long the result writers take for 3.2 M rows of a keyed tumbling
 * window's results ({window_start, window_end, key, count, sum, avg, min,
 * max}), the output of the 1 s pipeline over the 5 M row file: NDJSON, CSV
 * and Parquet to a file in /tmp, batch by batch as a run writes them.
 *
 * Run: `npx tsx bench/fileWriters.ts [rows]` (part of `npm run bench:file`).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStringDict, internString, newColumns, type Batch, type Field } from '../src/engine/batch';
import { processIo } from '../cli/io';
import { openResultOutput, type OutFormat } from '../cli/out';

const FIELDS: Field[] = [
  { name: 'window_start', type: 'time' }, { name: 'window_end', type: 'time' }, { name: 'key', type: 'string' },
  { name: 'count', type: 'number' }, { name: 'sum', type: 'number' }, { name: 'avg', type: 'number' }, { name: 'min', type: 'number' }, { name: 'max', type: 'number' },
];
const KEYS = 1000;
const BATCH = 4096;

/** The result batches: window w, key k, values with fractions like real averages. */
function resultBatches(rows: number): Batch[] {
  const dict = createStringDict();
  for (let k = 0; k < KEYS; k++) internString(dict, `k${k}`);
  const batches: Batch[] = [];
  for (let start = 0; start < rows; start += BATCH) {
    const n = Math.min(BATCH, rows - start);
    const columns = newColumns();
    const f = (fill: (row: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => fill(start + i));
    columns.window_start = { type: 'time', values: f((r) => 1_700_000_000_000 + Math.floor(r / KEYS) * 1000) };
    columns.window_end = { type: 'time', values: f((r) => 1_700_000_001_000 + Math.floor(r / KEYS) * 1000) };
    columns.key = { type: 'string', dict, codes: Int32Array.from({ length: n }, (_, i) => (start + i) % KEYS) };
    columns.count = { type: 'number', values: f((r) => 1 + (r % 3)) };
    columns.sum = { type: 'number', values: f((r) => (r % 997) * 1.37) };
    columns.avg = { type: 'number', values: f((r) => ((r % 997) * 1.37) / (1 + (r % 3))) };
    columns.min = { type: 'number', values: f((r) => (r % 101) / 7) };
    columns.max = { type: 'number', values: f((r) => 100 + (r % 89) / 3) };
    batches.push({ length: n, time: new Float64Array(n), watermark: new Float64Array(n), endWatermark: 0, keys: null, columns });
  }
  return batches;
}

async function writeAll(format: OutFormat, path: string, batches: readonly Batch[]): Promise<number> {
  const started = performance.now();
  const out = await openResultOutput(processIo(), path, format, [{ id: 'results', fields: FIELDS }]);
  for (const batch of batches) {
    out.write('results', batch);
    if (out.waiting) await out.drain();
  }
  await out.close();
  return (performance.now() - started) / 1000;
}

/** Times each format; returns lines for the report. */
export async function measureWriters(rows: number, formats: readonly OutFormat[] = ['ndjson', 'csv', 'parquet']): Promise<string[]> {
  const batches = resultBatches(rows);
  const dir = await mkdtemp(join(tmpdir(), 'windowpane-writers-'));
  const lines: string[] = [];
  try {
    for (const format of formats) {
      const path = join(dir, `results.${format}`);
      const seconds = await writeAll(format, path, batches);
      const size = (await stat(path)).size;
      lines.push(`${format.padEnd(8)} ${rows.toLocaleString('en')} rows in ${seconds.toFixed(2)} s (${(rows / seconds / 1e6).toFixed(2)} M rows/s, ${(size / 1e6).toFixed(1)} MB)`);
      await rm(path);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1]?.endsWith('fileWriters.ts')) {
  const rows = Number(process.argv[2] ?? 3_200_000);
  const formats = (process.argv[3]?.split(",") ?? ["ndjson", "csv", "parquet"]) as OutFormat[];
  for (const line of await measureWriters(rows, formats)) console.log(line);
}
