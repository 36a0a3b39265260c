import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Field } from '../../src/engine/batch';
import { batchToRows, type Row } from '../../src/engine/operators/sinks';
import { openDuckDb, type DuckDb } from '../../src/engine/testing/duckdb';
import { processIo } from '../io';
import { csvField, CsvEncoder } from './csv';
import { openResultOutput } from './index';
import { batchOf, resultBatches } from './randomBatches';

const SQL_TYPES = new Map<Field['type'], string>([['number', 'DOUBLE'], ['time', 'DOUBLE'], ['string', 'VARCHAR'], ['boolean', 'BOOLEAN']]);

/** A row as it should read back from CSV: non-finite numbers are missing, -0 is 0 (as in NDJSON), text went through UTF-8 (a lone surrogate became U+FFFD). */
function expected(row: Row): Row {
  const out: Row = Object.create(null) as Row;
  for (const [name, value] of Object.entries(row)) {
    out[name] = typeof value === 'number' ? (Number.isFinite(value) ? value + 0 : null)
      : typeof value === 'string' ? Buffer.from(value, 'utf8').toString('utf8') : value;
  }
  return out;
}

describe('csvField', () => {
  it('quotes what RFC 4180 needs, doubling quotes, and leaves plain text alone', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', '', ' pad', 'é€😀'].map(csvField))
      .toEqual(['plain', '"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\r"', '""', '" pad"', 'é€😀']);
  });
});

describe('CsvEncoder', () => {
  it('writes a header, numbers as NDJSON prints them, an empty field for missing and a sink column for several sinks', () => {
    const fields: Field[] = [{ name: 'window_start', type: 'time' }, { name: 'key', type: 'string' }, { name: 'avg', type: 'number' }, { name: 'ok', type: 'boolean' }];
    const encoder = new CsvEncoder(fields, true);
    const batch = batchOf(fields, [[60000, 'a,b', -0, true], [NaN, null, 1e21, false], [0, '', Infinity, false]]);
    expect(encoder.header() + encoder.encode(batch, 'out')).toBe('sink,window_start,key,avg,ok\nout,60000,"a,b",0,true\nout,,,1e+21,false\nout,0,"",,false\n');
  });
});

describe('CSV read back by DuckDB', () => {
  const io = processIo();
  let db: DuckDb;
  let dir: string;
  beforeAll(async () => { db = await openDuckDb(); dir = await mkdtemp(join(tmpdir(), 'windowpane-csv-')); });
  afterAll(async () => { db.close(); await rm(dir, { recursive: true, force: true }); });

  it('gives back every value of random batches', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(resultBatches({ plainNames: true, minFields: 2 }), async ({ fields, batches }) => {
      const path = join(dir, `r${run++}.csv`);
      const out = await openResultOutput(io, path, 'csv', [{ id: 'only', fields }]);
      for (const batch of batches) out.write('only', batch);
      await out.close();
      const columns = fields.map((f) => `'${f.name}': '${SQL_TYPES.get(f.type)!}'`).join(', ');
      const back = await db.query(`SELECT * FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false, columns = {${columns}})`, { path });
      expect(back).toEqual(batches.flatMap((b) => batchToRows(b)).map(expected));
    }), { numRuns: 150 });
  });
});
