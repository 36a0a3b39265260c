import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_TIME_RANGE } from '../../../../model';
import { internString, readCell, type Batch } from '../../../batch';
import { withDuckDb } from '../../../testing/duckdb';
import { pipeline } from '../../../testing/documents';
import { runPipeline } from '../../../run/runPipeline';
import { runToEndStreamed } from '../../../run/stepWithFiles';
import { sniffFile } from './index';
import { createStreamedFileSource } from './source';
import type { FileBytes, FileLayout, StreamedFileSource } from './types';

const dir = mkdtempSync(join(tmpdir(), 'parquet-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** FileBytes over bytes in memory, with random access (as a file or a Blob has). */
function bytesOf(data: Uint8Array, name: string): FileBytes {
  return {
    name, size: data.length,
    async *read(offset: number) {
      for (let at = offset; at < data.length; at += 4096) yield data.subarray(at, at + 4096);
    },
    slice: (start, end) => Promise.resolve(data.slice(start, end).buffer),
  };
}

const options = { format: 'auto', eventTime: 'ts', timeFormat: 'auto', delimiter: ',' } as const;

async function layoutOf(bytes: FileBytes): Promise<FileLayout> {
  const sniffed = await sniffFile(bytes, options);
  if (!sniffed.ok) throw new Error(sniffed.message);
  return sniffed.layout;
}

/** Every row the source gives, as plain values, filling `batchSize` rows at a time. */
async function readAll(source: StreamedFileSource, batchSize: number, upTo = Infinity): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  while (rows.length < upTo) {
    await source.fill(batchSize);
    const batch: Batch | null = source.next(Math.min(batchSize, upTo - rows.length));
    if (batch === null) break;
    for (let i = 0; i < batch.length; i++) {
      const row: Record<string, unknown> = {};
      for (const [name, column] of Object.entries(batch.columns)) row[name] = readCell(column, i);
      rows.push(row);
    }
  }
  return rows;
}

const START = 1_700_000_000_000;
const N = 1000;
const written = {
  ts: Array.from({ length: N }, (_, i) => (i % 97 === 5 ? null : new Date(START + i * 250 - (i % 7) * 40))),
  key: Array.from({ length: N }, (_, i) => (i % 11 === 3 ? null : ['a', 'b', 'é', '__proto__', 'x y'][i % 5]!)),
  value: Array.from({ length: N }, (_, i) => (i % 13 === 0 ? null : (i * 37) % 101 - 50.5)),
  big: Array.from({ length: N }, (_, i) => BigInt(i) * 1_000_000_007n),
  flag: Array.from({ length: N }, (_, i) => i % 3 === 0),
};
const file = new Uint8Array(parquetWriteBuffer({
  columnData: [
    { name: 'ts', data: written.ts, type: 'TIMESTAMP' },
    { name: 'key', data: written.key, type: 'STRING' },
    { name: 'value', data: written.value, type: 'DOUBLE' },
    { name: 'big', data: written.big, type: 'INT64' },
    { name: 'flag', data: written.flag, type: 'BOOLEAN' },
  ],
  rowGroupSize: 128,
}));

describe('Parquet files', () => {
  it('sniff the footer: fields and types, the event time as time', async () => {
    const layout = await layoutOf(bytesOf(file, 'events.parquet'));
    expect(layout.format).toBe('parquet');
    expect(layout.fields).toEqual([
      { name: 'ts', type: 'time' }, { name: 'key', type: 'string' }, { name: 'value', type: 'number' }, { name: 'big', type: 'number' }, { name: 'flag', type: 'boolean' },
    ]);
    const missing = await sniffFile(bytesOf(file, 'events.parquet'), { ...options, eventTime: 'when' });
    expect(missing).toEqual({ ok: false, message: 'Event-time field "when" not found. The file has the fields: ts, key, value, big, flag.' });
  });

  it('read every row group into columns; rows without an event time are bad rows with their row number', async () => {
    const bytes = bytesOf(file, 'events.parquet');
    const source = createStreamedFileSource('src', { kind: 'stream', file: { bytes, layout: await layoutOf(bytes) }, limit: null, timeRange: DEFAULT_EVENT_TIME_RANGE }, 0);
    const rows = await readAll(source, 50);
    const expected = written.ts.flatMap((t, i) => (t === null ? [] : [{ ts: t.getTime(), key: written.key[i], value: written.value[i], big: Number(written.big[i]), flag: written.flag[i] }]));
    expect(rows).toEqual(expected);
    const diagnostics = source.takeDiagnostics!();
    expect(diagnostics).toHaveLength(written.ts.filter((t) => t === null).length);
    expect(diagnostics[0]).toBe('line 6: event time "ts" is missing');
    expect(source.progress).toMatchObject({ rows: expected.length, badRows: diagnostics.length, done: true, bytesRead: file.length });
  });

  it('snapshot at any row and restore into a fresh source: the rest is the same, strings in the same codes', async () => {
    const bytes = bytesOf(file, 'events.parquet');
    const data = { kind: 'stream', file: { bytes, layout: await layoutOf(bytes) }, limit: null, timeRange: DEFAULT_EVENT_TIME_RANGE } as const;
    const whole = await readAll(createStreamedFileSource('src', data, 100), 64);
    for (const cut of [0, 1, 127, 128, 300, whole.length - 1]) {
      const first = createStreamedFileSource('src', data, 100);
      const head = await readAll(first, 64, cut);
      const dicts = first.outputDicts!(['key']);
      const image = structuredClone(first.snapshot!({ nameOf: () => 'key' }));
      const again = createStreamedFileSource('src', data, 100);
      const restoredKey = again.outputDicts!(['key']).get('key')!;
      for (const v of dicts.get('key')!.values) internString(restoredKey, v);
      again.restore!(image, { dictNamed: () => restoredKey });
      const tail = await readAll(again, 64);
      expect([...head, ...tail]).toEqual(whole);
    }
  });

  it('run a pipeline as the same rows given inline', async () => {
    const bytes = bytesOf(file, 'events.parquet');
    const nodes = (data?: string) => [
      { id: 'src', kind: 'source.file', params: { format: data === undefined ? 'parquet' : 'ndjson', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: '300ms', ...(data === undefined ? {} : { data }) } },
      { id: 'k', kind: 'transform.keyBy', params: { fields: ['key'] } },
      { id: 'w', kind: 'window.tumbling', params: { size: '2s' } },
      { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'value' }, { name: 'f', fn: 'max', field: 'big' }] } },
      { id: 'out', kind: 'sink.collect' },
    ];
    const text = written.ts.map((t, i) => JSON.stringify({ ts: t?.getTime() ?? null, key: written.key[i], value: written.value[i], big: Number(written.big[i]), flag: written.flag[i] })).join('\n');
    const inline = runPipeline(pipeline(nodes(text)), { batchSize: 77 });
    const streamed = await runToEndStreamed(pipeline(nodes()), { batchSize: 77, fileInputs: { src: { bytes, layout: await layoutOf(bytes) } } });
    if (!inline.ok || !streamed.ok) throw new Error('did not compile');
    expect(streamed.results.get('out')!.length).toBeGreaterThan(10);
    expect(streamed.results).toEqual(inline.results);
    expect(streamed.metrics).toEqual(inline.metrics);
  });

  it('read what DuckDB writes as DuckDB reads it back: timestamps, dates, decimals, bigints, strings, nulls, several row groups', async () => {
    const path = join(dir, 'duck.parquet');
    const sql = `SELECT TIMESTAMP '2024-03-01 00:00:00' + to_microseconds(i * 1234567) AS ts,
        CASE WHEN i % 9 = 4 THEN NULL ELSE 'k' || (i % 17)::VARCHAR END AS key,
        CASE WHEN i % 10 = 7 THEN NULL ELSE (i * 3.25)::DECIMAL(12, 2) END AS price,
        i::BIGINT * 4000000 AS n, DATE '2020-01-01' + (i % 30)::INTEGER AS day, i % 4 = 0 AS even
      FROM range(5000) t(i)`;
    const expected = await withDuckDb(async (db) => {
      await db.query(`COPY (${sql}) TO '${path}' (FORMAT PARQUET, ROW_GROUP_SIZE 1000)`);
      return db.query(`SELECT epoch_us(ts) / 1000.0 AS ts, key, price::DOUBLE AS price, n::DOUBLE AS n, epoch_ms(day::TIMESTAMP)::DOUBLE AS day, even FROM read_parquet('${path}') ORDER BY ts`);
    });
    const bytes = bytesOf(new Uint8Array(readFileSync(path)), 'duck.parquet');
    const layout = await layoutOf(bytes);
    expect(layout.fields).toEqual([
      { name: 'ts', type: 'time' }, { name: 'key', type: 'string' }, { name: 'price', type: 'number' }, { name: 'n', type: 'number' }, { name: 'day', type: 'time' }, { name: 'even', type: 'boolean' },
    ]);
    const source = createStreamedFileSource('src', { kind: 'stream', file: { bytes, layout }, limit: null, timeRange: DEFAULT_EVENT_TIME_RANGE }, 0);
    const rows = await readAll(source, 700);
    expect(rows).toHaveLength(5000);
    expect(rows).toEqual(expected);
  });
});
