import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Field } from '../../src/engine/batch';
import { batchToRows, type Row } from '../../src/engine/operators/sinks';
import { openDuckDb, type DuckDb } from '../../src/engine/testing/duckdb';
import { processIo } from '../io';
import { openResultOutput } from './index';
import { ParquetEncoder } from './parquet';
import { batchOf, resultBatches } from './randomBatches';

/** A row as Parquet holds it: NaN is null (±Infinity and -0 are doubles like any other), text went through UTF-8. */
function expected(fields: readonly Field[], row: Row): Row {
  const out: Row = Object.create(null) as Row;
  for (const { name } of fields) {
    const value = row[name]!;
    out[name] = typeof value === 'string' ? Buffer.from(value, 'utf8').toString('utf8') : value;
  }
  return out;
}

/** A row as hyparquet reads it, with times (Dates) as epoch milliseconds. */
function plain(row: Record<string, unknown>): Row {
  const out: Row = Object.create(null) as Row;
  for (const [name, value] of Object.entries(row)) out[name] = value instanceof Date ? value.getTime() : (value as Row[string]);
  return out;
}

function bytesOf(parts: Uint8Array[]): ArrayBuffer {
  const all = Buffer.concat(parts);
  return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
}

describe('ParquetEncoder', () => {
  it('writes one row group per N rows, read back by hyparquet', async () => {
    const fields: Field[] = [{ name: 'window_start', type: 'time' }, { name: 'key', type: 'string' }, { name: 'sum', type: 'number' }, { name: 'ok', type: 'boolean' }];
    const rows = Array.from({ length: 250 }, (_, i) => [i * 1000, i % 7 === 0 ? null : `k${i % 13}`, i % 5 === 0 ? NaN : i / 3, i % 2 === 0]);
    const parts: Uint8Array[] = [];
    const encoder = new ParquetEncoder(fields, true, (bytes) => parts.push(bytes.slice()), 100);
    encoder.encode(batchOf(fields, rows.slice(0, 130)), 'a');
    encoder.encode(batchOf(fields, rows.slice(130)), 'b');
    encoder.finish();
    const file = bytesOf(parts);
    expect(parquetMetadata(file).row_groups.map((g) => Number(g.num_rows))).toEqual([100, 100, 50]);
    const back = (await parquetReadObjects({ file })).map(plain);
    expect(back).toEqual(rows.map((r, i) => ({ sink: i < 130 ? 'a' : 'b', window_start: r[0], key: r[1], sum: Number.isNaN(r[2]) ? null : r[2], ok: r[3] })));
  });
});

describe('Parquet read back by hyparquet and DuckDB', () => {
  const io = processIo();
  let db: DuckDb;
  let dir: string;
  beforeAll(async () => { db = await openDuckDb(); dir = await mkdtemp(join(tmpdir(), 'windowpane-parquet-')); });
  afterAll(async () => { db.close(); await rm(dir, { recursive: true, force: true }); });

  it('gives back every value of random batches', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(resultBatches({ plainNames: true, minFields: 1 }), async ({ fields, batches }) => {
      const path = join(dir, `r${run++}.parquet`);
      const out = await openResultOutput(io, path, 'parquet', [{ id: 'only', fields }]);
      for (const batch of batches) out.write('only', batch);
      await out.close();
      const want = batches.flatMap((b) => batchToRows(b)).map((r) => expected(fields, r));
      const file = await readFile(path);
      const hyparquet = (await parquetReadObjects({ file: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) })).map(plain);
      expect(hyparquet).toEqual(want);
      const select = fields.map((f) => (f.type === 'time' ? `epoch_ms("${f.name}") AS "${f.name}"` : `"${f.name}"`)).join(', ');
      expect(await db.query(`SELECT ${select} FROM read_parquet($path)`, { path })).toEqual(want);
    }), { numRuns: 100 });
  });
});
