import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/engine/batch';
import { batchToRows } from '../../src/engine/operators/sinks';
import { processIo } from '../io';
import { memoryIo, ndjson } from '../testIo';
import { openResultOutput, outFormatOf, ResultOutputError } from './index';
import { batchOf } from './randomBatches';
import { CHUNK_BYTES } from './stream';

const FIELDS: Field[] = [{ name: 'window_start', type: 'time' }, { name: 'key', type: 'string' }, { name: 'count', type: 'number' }];
const OTHER: Field[] = [{ name: 'key', type: 'string' }, { name: 'n', type: 'number' }];

describe('outFormatOf', () => {
  it('takes --format first, then the extension, else NDJSON', () => {
    expect(outFormatOf('r.csv', 'ndjson')).toBe('ndjson');
    expect(outFormatOf('r.txt', 'CSV')).toBe('csv');
    expect(outFormatOf('out/r.parquet', undefined)).toBe('parquet');
    expect(outFormatOf('r.JSONL', undefined)).toBe('ndjson');
    expect(outFormatOf('r.csv', undefined)).toBe('csv');
    expect(outFormatOf('dir.csv/results', undefined)).toBe('ndjson');
    expect(outFormatOf(undefined, undefined)).toBe('ndjson');
  });

  it('refuses an unknown format and Parquet to standard output', () => {
    expect(outFormatOf('r.csv', 'xml')).toEqual({ error: "--format must be ndjson, csv or parquet, got 'xml'" });
    expect(outFormatOf(undefined, 'parquet')).toHaveProperty('error');
  });
});

describe('openResultOutput', () => {
  it('writes NDJSON of several sinks with the sink first, as the CLI did', async () => {
    const io = memoryIo();
    const out = await openResultOutput(io, 'r.ndjson', 'ndjson', [{ id: 'a', fields: FIELDS }, { id: 'b', fields: OTHER }]);
    const a = batchOf(FIELDS, [[0, 'x', 2], [1000, null, 1]]);
    const b = batchOf(OTHER, [['y', -0]]);
    out.write('a', a);
    out.write('b', b);
    await out.close();
    expect(io.files.get('r.ndjson')).toBe([...batchToRows(a).map((r) => ({ sink: 'a', ...r })), ...batchToRows(b).map((r) => ({ sink: 'b', ...r }))].map((r) => `${JSON.stringify(r)}\n`).join(''));
    expect(out.rows).toBe(3);
  });

  it('writes one sink to standard output without the sink name', async () => {
    const io = memoryIo();
    const out = await openResultOutput(io, null, 'ndjson', [{ id: 'a', fields: FIELDS }]);
    out.write('a', batchOf(FIELDS, [[0, 'x', 2]]));
    await out.close();
    expect(ndjson(io.out.join(''))).toEqual([{ window_start: 0, key: 'x', count: 2 }]);
  });

  it('writes CSV of several sinks with the same fields in one table with a sink column', async () => {
    const io = memoryIo();
    const out = await openResultOutput(io, 'r.csv', 'csv', [{ id: 'a', fields: FIELDS }, { id: 'b', fields: FIELDS }]);
    out.write('b', batchOf(FIELDS, [[0, 'x', 2]]));
    out.write('a', batchOf(FIELDS, [[1000, 'y', 3]]));
    await out.close();
    expect(io.files.get('r.csv')).toBe('sink,window_start,key,count\nb,0,x,2\na,1000,y,3\n');
  });

  it('writes only a header for CSV without rows', async () => {
    const io = memoryIo();
    await (await openResultOutput(io, 'r.csv', 'csv', [{ id: 'a', fields: FIELDS }])).close();
    expect(io.files.get('r.csv')).toBe('window_start,key,count\n');
    await (await openResultOutput(io, 'none.csv', 'csv', [])).close();
    expect(io.files.get('none.csv')).toBe('');
  });

  it('refuses CSV and Parquet for sinks whose fields differ, before touching the file', async () => {
    const io = memoryIo();
    for (const format of ['csv', 'parquet'] as const) {
      await expect(openResultOutput(io, `r.${format}`, format, [{ id: 'a', fields: FIELDS }, { id: 'b', fields: OTHER }])).rejects.toThrow(ResultOutputError);
    }
    await expect(openResultOutput(io, 'r.csv', 'csv', [{ id: 'a', fields: FIELDS }, { id: 'b', fields: FIELDS.slice(1) }]))
      .rejects.toThrow("CSV holds one table, but sinks 'a' and 'b' have different fields: write NDJSON (--format ndjson) or keep one sink");
    expect(io.files.size).toBe(0);
  });

  it('refuses a batch for a sink it was not opened for', async () => {
    const out = await openResultOutput(memoryIo(), 'r.ndjson', 'ndjson', [{ id: 'a', fields: FIELDS }]);
    expect(() => out.write('z', batchOf(FIELDS, [[0, 'x', 1]]))).toThrow("no result sink 'z'");
  });

  it('says when the stream is full and resolves drain once it has room', async () => {
    let release: () => void = () => {};
    let written = 0;
    // A stream that holds each chunk until the test releases it, like a slow disk or pipe.
    const slow = new Writable({ highWaterMark: 1024, write(chunk: Buffer, _e, callback) { written += chunk.length; release = callback; } });
    const io = { ...memoryIo(), openOutput: async () => slow };
    const out = await openResultOutput(io, 'r.ndjson', 'ndjson', [{ id: 'a', fields: FIELDS }]);
    const rows = Array.from({ length: 5000 }, (_, i) => [i, 'key-with-some-length', i]);
    const batch = batchOf(FIELDS, rows);
    while (!out.waiting) out.write('a', batch);
    // A chunk goes out when the next line would not fit in it: nearly full, never a line at a time.
    expect(written).toBeGreaterThan(CHUNK_BYTES - 200);
    let drained = false;
    const draining = out.drain().then(() => { drained = true; });
    await Promise.resolve();
    expect(drained).toBe(false);
    release();
    await draining;
    expect(out.waiting).toBe(false);
  });

  it('reports a file that cannot be created before anything runs', async () => {
    await expect(openResultOutput(processIo(), '/nonexistent-dir/r.ndjson', 'ndjson', [])).rejects.toThrow(/ENOENT/);
  });

  it('writes a real file in large chunks, the same bytes as in memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'windowpane-out-'));
    try {
      const path = join(dir, 'r.ndjson');
      const batch = batchOf(FIELDS, Array.from({ length: 40_000 }, (_, i) => [i * 1000, `k${i % 1000}`, i]));
      const out = await openResultOutput(processIo(), path, 'ndjson', [{ id: 'a', fields: FIELDS }]);
      for (let i = 0; i < 3; i++) {
        out.write('a', batch);
        if (out.waiting) await out.drain();
      }
      await out.close();
      const text = await readFile(path, 'utf8');
      expect((await stat(path)).size).toBeGreaterThan(CHUNK_BYTES);
      expect(text).toBe(batchToRows(batch).map((r) => `${JSON.stringify(r)}\n`).join('').repeat(3));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
