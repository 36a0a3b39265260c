// The DuckDB side of `npm run bench:file`, run as its own process so its time
// and peak memory are its own: the same GROUP BY as the CLI's keyed tumbling
// window over the same CSV, written to NDJSON as the CLI writes its results.
// Plain JavaScript so no TypeScript loader is timed with it.
//   node bench/fileDuck.mjs CSV WINDOW_MS THREADS|all OUT.ndjson
// Prints the number of result rows on standard output.
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, windowMs, threads, out] = process.argv.slice(2);
if (out === undefined || !/^\d+$/.test(windowMs) || !/^(\d+|all)$/.test(threads)) {
  console.error('usage: node bench/fileDuck.mjs CSV WINDOW_MS THREADS|all OUT.ndjson');
  process.exit(2);
}
const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
if (threads !== 'all') await connection.run(`SET threads = ${threads}`);
// Integer division gives the tumbling window of each event time (windows aligned to the epoch, as the CLI's).
const size = Number(windowMs);
const result = await connection.run(`COPY (
  SELECT ts // ${size} * ${size} AS window_start, ts // ${size} * ${size} + ${size} AS window_end, key,
         count(*) AS count, sum(value) AS sum, avg(value) AS avg, min(value) AS min, max(value) AS max
  FROM read_csv(${quote(csv)}, header = true, columns = {'ts': 'BIGINT', 'key': 'VARCHAR', 'value': 'DOUBLE'})
  GROUP BY ALL
) TO ${quote(out)} (FORMAT json)`);
console.log(result.rowsChanged);
connection.closeSync();
instance.closeSync();
