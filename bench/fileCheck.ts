/**
 * Keeps the file benchmark honest: the CLI's result must have as many rows
 * as DuckDB's, and a few of its rows, picked across the output file, must
 * hold the values DuckDB computes for the same window and key from the CSV.
 */
import { open, stat } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';

interface ResultRow {
  readonly window_start: number;
  readonly key: string;
  readonly count: number;
  readonly sum: number;
  readonly avg: number;
  readonly min: number;
  readonly max: number;
}

/** Up to `n` whole NDJSON lines read at evenly spread offsets of the file (the first line included). */
async function sampleLines(path: string, n: number): Promise<ResultRow[]> {
  const size = (await stat(path)).size;
  const file = await open(path, 'r');
  try {
    const rows: ResultRow[] = [];
    for (let k = 0; k < n; k++) {
      const at = Math.floor((size * k) / n);
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, Math.max(0, at - 1));
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      // From the start of the line after the offset (or the file's first line).
      const from = at === 0 ? 0 : text.indexOf('\n') + 1;
      const to = text.indexOf('\n', from);
      if (from > 0 && to > from) rows.push(JSON.parse(text.slice(from, to)) as ResultRow);
      else if (at === 0 && to > 0) rows.push(JSON.parse(text.slice(0, to)) as ResultRow);
    }
    return rows;
  } finally {
    await file.close();
  }
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Compares sampled rows of the CLI's output with DuckDB's answer from the
 * CSV; returns the problems found (empty when all agree).
 */
export async function spotCheck(csv: string, windowMs: number, cliOut: string, samples = 6): Promise<string[]> {
  const rows = await sampleLines(cliOut, samples);
  if (rows.length === 0) return [`no rows could be read from ${cliOut}`];
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const wanted = rows.map((r) => `(${Number(r.window_start)}, '${String(r.key).replaceAll("'", "''")}')`).join(', ');
    const reader = await connection.runAndReadAll(`
      SELECT ts // ${windowMs} * ${windowMs} AS window_start, key, count(*)::DOUBLE AS count, sum(value) AS sum, avg(value) AS avg, min(value) AS min, max(value) AS max
      FROM read_csv('${csv.replaceAll("'", "''")}', header = true, columns = {'ts': 'BIGINT', 'key': 'VARCHAR', 'value': 'DOUBLE'})
      WHERE (ts // ${windowMs} * ${windowMs}, key) IN (${wanted})
      GROUP BY ALL`);
    const duck = new Map<string, Record<string, unknown>>();
    for (const r of reader.getRowObjectsJS()) duck.set(`${Number(r.window_start)}|${String(r.key)}`, r);
    const problems: string[] = [];
    for (const row of rows) {
      const other = duck.get(`${row.window_start}|${row.key}`);
      if (other === undefined) { problems.push(`window ${row.window_start} key ${row.key}: not in DuckDB's result`); continue; }
      for (const name of ['count', 'sum', 'avg', 'min', 'max'] as const) {
        if (!close(row[name], Number(other[name]))) problems.push(`window ${row.window_start} key ${row.key}: ${name} ${row[name]} (CLI) vs ${Number(other[name])} (DuckDB)`);
      }
    }
    return problems;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
