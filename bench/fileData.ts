/**
 * The benchmark's input files and pipelines, made once and cached in
 * node_modules/.cache/windowpane-bench-file/ (never timed): CSVs of
 * `ts,key,value` with 1,000 keys (k0..k999), a time about 1 ms after the
 * previous row's with disorder of at most DISORDER_MS, and values with two
 * decimals; and the two pipeline documents (keyed tumbling 1 s and 1 h with
 * count/sum/avg/min/max of value into a collect sink).
 */
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CACHE_DIR = join('node_modules', '.cache', 'windowpane-bench-file');
export const KEYS = 1000;
/** Rows arrive at most this late behind the latest time before them; the pipelines declare it as maxOutOfOrderness. */
export const DISORDER_MS = 50;
const START = Date.UTC(2026, 0, 1);

/** xorshift32: the same file on every machine for a given row count (and the same draws for any seed). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 4294967296;
  };
}

/** Writes the CSV of `rows` rows to `path` (through a temporary name, so an interrupted run leaves no half file). */
export async function writeCsv(path: string, rows: number): Promise<void> {
  const next = seededRandom(rows);
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let chunk = 'ts,key,value\n';
  for (let i = 0; i < rows; i++) {
    // Time goes up 1 ms a row; a row may come up to DISORDER_MS early in the file (late against those before it).
    const ts = START + i - Math.floor(next() * next() * (DISORDER_MS + 1));
    const key = Math.floor(next() * KEYS);
    const value = (Math.floor(next() * 100_000) / 100).toFixed(2);
    chunk += `${ts},k${key},${value}\n`;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve, reject) => { out.once('finish', () => resolve()); out.once('error', reject); });
  await rename(partial, path);
}

/** The cached CSV of `rows` rows, made first if missing; returns its path and size. */
export async function benchCsv(rows: number, log: (line: string) => void): Promise<{ path: string; bytes: number }> {
  await mkdir(CACHE_DIR, { recursive: true });
  const path = join(CACHE_DIR, `ts-key-value-${rows}.csv`);
  if (!existsSync(path)) {
    log(`generating ${path} (${rows.toLocaleString('en')} rows, not timed)...`);
    await writeCsv(path, rows);
  }
  return { path, bytes: (await stat(path)).size };
}

export type WindowName = '1s' | '1h';

/** The pipeline document for windows of `size`, written beside the data; returns its path. */
export async function benchPipeline(size: WindowName): Promise<string> {
  const doc = {
    format: 'windowpane.pipeline',
    version: 1,
    name: `bench:file keyed tumbling ${size}`,
    nodes: [
      { id: 'file', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: `${DISORDER_MS}ms` } },
      { id: 'byKey', kind: 'transform.keyBy', position: { x: 220, y: 0 }, params: { fields: ['key'] } },
      { id: 'window', kind: 'window.tumbling', position: { x: 440, y: 0 }, params: { size } },
      { id: 'stats', kind: 'aggregate', position: { x: 660, y: 0 }, params: { aggregations: [
        { name: 'count', fn: 'count' }, { name: 'sum', fn: 'sum', field: 'value' }, { name: 'avg', fn: 'avg', field: 'value' },
        { name: 'min', fn: 'min', field: 'value' }, { name: 'max', fn: 'max', field: 'value' },
      ] } },
      { id: 'results', kind: 'sink.collect', position: { x: 880, y: 0 } },
    ],
    edges: [
      { id: 'e1', from: 'file', to: 'byKey' }, { id: 'e2', from: 'byKey', to: 'window' },
      { id: 'e3', from: 'window', to: 'stats' }, { id: 'e4', from: 'stats', to: 'results' },
    ],
  };
  await mkdir(CACHE_DIR, { recursive: true });
  const path = join(CACHE_DIR, `pipeline-${size}.json`);
  await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`);
  return path;
}
