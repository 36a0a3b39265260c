import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type DuckDb } from '../testing/duckdb';
import { runWindowPipeline, sqlWindowOf, windowPipeline, type WindowNodeSpec } from '../testing/pipelines';
import { rowSetDifferences } from '../testing/rowSets';
import { SUMMED_COLUMNS, windowAggregateSql } from '../testing/windowSql';

/**
 * Real time series from the Numenta Anomaly Benchmark, read in place from the
 * shared data folder (never copied into the repository), through a
 * source.file node, against DuckDB reading the same CSV. NAB timestamps have
 * no zone; both sides read them as UTC. The windows are unkeyed, so results
 * carry no key fields.
 */
const NAB = path.resolve(import.meta.dirname, '../../../../shared/data/nab');

interface NabCase {
  readonly label: string;
  readonly window: WindowNodeSpec;
  /** A filter in both the pipeline and the SQL (the same text reads the same in both). */
  readonly filter?: string;
  readonly minRows: number;
}

interface NabFile {
  readonly file: string;
  /** machine_temperature repeats one hour (02:00-02:55 on 2014-01-07, a clock set back): a 1h bound keeps those rows on time. */
  readonly bound: string;
  readonly cases: readonly NabCase[];
}

const FILES: readonly NabFile[] = [
  {
    file: 'nyc_taxi.csv', bound: '0ms', cases: [
      { label: 'tumbling 1 day', window: { kind: 'window.tumbling', size: '1d' }, minRows: 215 },
      { label: 'tumbling 6 h with offset -90 min', window: { kind: 'window.tumbling', size: '6h', offset: '-90m' }, minRows: 860 },
      { label: 'hopping 1 day every 6 h', window: { kind: 'window.hopping', size: '1d', slide: '6h' }, minRows: 860 },
      // Half-hour buckets with more than 25,000 passengers: busy spells split wherever a quiet hour passes.
      { label: 'sessions of busy half-hours, gap 1 h', window: { kind: 'window.session', gap: '1h' }, filter: 'value > 25000', minRows: 100 },
    ],
  },
  {
    file: 'machine_temperature_system_failure.csv', bound: '1h', cases: [
      { label: 'tumbling 6 h', window: { kind: 'window.tumbling', size: '6h' }, minRows: 290 },
      { label: 'tumbling 1 day with offset 7 h', window: { kind: 'window.tumbling', size: '1d', offset: '7h' }, minRows: 75 },
      { label: 'hopping 1 day every 6 h', window: { kind: 'window.hopping', size: '1d', slide: '6h' }, minRows: 290 },
      // Readings above 90 degrees, the repeated hour among them: hot spells split by cooler stretches.
      { label: 'sessions of hot readings, gap 30 min', window: { kind: 'window.session', gap: '30m' }, filter: 'value > 90', minRows: 40 },
    ],
  },
  {
    file: 'ambient_temperature_system_failure.csv', bound: '0ms', cases: [
      { label: 'tumbling 1 day', window: { kind: 'window.tumbling', size: '1d' }, minRows: 300 },
      { label: 'hopping 1 day every 6 h', window: { kind: 'window.hopping', size: '1d', slide: '6h' }, minRows: 1200 },
      // Hourly readings with ten outages of 2 h to 7 days: each outage ends a session.
      { label: 'sessions, gap 2 h', window: { kind: 'window.session', gap: '2h' }, minRows: 10 },
    ],
  },
];

let db: DuckDb;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(() => db.close());

/** Reads the CSV into table `nab` (t, value) with DuckDB's own reader, keeping the rows `filter` accepts. */
async function loadNab(file: string, filter: string | undefined): Promise<void> {
  await db.query(
    `CREATE OR REPLACE TABLE nab AS SELECT epoch_ms("timestamp") AS t, value
     FROM read_csv($path, header = true, columns = {'timestamp': 'TIMESTAMP', 'value': 'DOUBLE'})
     WHERE ${filter ?? 'true'}`,
    { path: path.join(NAB, file) },
  );
}

describe('windowed aggregations over NAB time series, against DuckDB', () => {
  for (const f of FILES) {
    const text = readFileSync(path.join(NAB, f.file), 'utf8');
    for (const c of f.cases) {
      it(`gives DuckDB's results for ${f.file}, ${c.label}`, async () => {
        const doc = windowPipeline({
          source: { kind: 'source.file', params: { format: 'csv', eventTime: 'timestamp', maxOutOfOrderness: f.bound, fileName: f.file } },
          ...(c.filter === undefined ? {} : { filter: c.filter }),
          window: c.window, value: 'value',
        });
        const run = runWindowPipeline(doc, { fileInputs: { src: text } });
        await loadNab(f.file, c.filter);
        const query = windowAggregateSql({ table: 'nab', keys: [], value: 'value' }, sqlWindowOf(c.window));
        const expected = await db.query(query.sql, query.params);

        expect(run.diagnostics).toEqual([]);
        expect(run.window.lateEvents).toBe(0);
        expect(run.late).toEqual([]);
        for (const row of run.results) expect(Object.keys(row).sort()).toEqual(['high', 'low', 'mean', 'n', 'revision', 'total', 'window_end', 'window_start']);
        expect(rowSetDifferences(run.results, expected, {
          identity: ['window_start', 'window_end', 'revision'], approximate: SUMMED_COLUMNS, relativeTolerance: 1e-9,
        })).toEqual([]);
        expect(run.results).toHaveLength(expected.length);
        expect(expected.length).toBeGreaterThanOrEqual(c.minRows);
      });
    }
  }
});

describe('late rows in real data: the repeated hour of machine_temperature_system_failure.csv', () => {
  // The file runs 02:00 ... 02:55 on 2014-01-07 twice (lines 10139-10150, then 10151-10162). With bound 0 the
  // watermark after the first 02:55 is 02:54:59.999, so in 5-minute windows the second 02:00 ... 02:50 rows are
  // late (their windows end by 02:55) and the second 02:55 is not (its window ends at 03:00).
  const file = 'machine_temperature_system_failure.csv';
  const at = (minute: number): number => Date.UTC(2014, 0, 7, 2, minute);
  const repeated = [94.13972336, 94.11196982, 94.63872322, 93.27090748, 93.89024852, 93.39662733, 94.19930008, 94.12541985, 93.53082695, 92.78472036, 93.25472354];
  const lateRows = repeated.map((value, i) => ({ timestamp: at(5 * i), value }));
  const window: WindowNodeSpec = { kind: 'window.tumbling', size: '5m' };
  const options = { identity: ['window_start', 'window_end', 'revision'], approximate: SUMMED_COLUMNS, relativeTolerance: 1e-9 };

  function pipeline(allowedLateness: string) {
    const doc = windowPipeline({
      source: { kind: 'source.file', params: { format: 'csv', eventTime: 'timestamp', fileName: file } },
      window: { ...window, allowedLateness }, value: 'value',
    });
    return runWindowPipeline(doc, { fileInputs: { src: readFileSync(path.join(NAB, file), 'utf8') } });
  }

  it('sends the 11 rows of the repeated hour to late and otherwise gives DuckDB\'s results without them', async () => {
    const run = pipeline('0ms');
    expect(run.late).toEqual(lateRows);
    expect(run.window.lateEvents).toBe(11);
    await db.load('late_rows', [
      { name: 't', type: 'BIGINT', values: lateRows.map((r) => r.timestamp) },
      { name: 'value', type: 'DOUBLE', values: lateRows.map((r) => r.value) },
    ]);
    await db.query(
      `CREATE OR REPLACE TABLE nab AS SELECT * FROM (
         SELECT epoch_ms("timestamp") AS t, value FROM read_csv($path, header = true, columns = {'timestamp': 'TIMESTAMP', 'value': 'DOUBLE'}))
       WHERE (t, value) NOT IN (SELECT (t, value) FROM late_rows)`,
      { path: path.join(NAB, file) },
    );
    const [count] = await db.query('SELECT count(*) AS n FROM nab');
    expect(count).toEqual({ n: 22_695 - 11 });
    const query = windowAggregateSql({ table: 'nab', keys: [], value: 'value' }, sqlWindowOf(window));
    const expected = await db.query(query.sql, query.params);
    expect(rowSetDifferences(run.results, expected, options)).toEqual([]);
  });

  it('revises the 11 windows instead when an hour of lateness is allowed, ending at DuckDB\'s results for the whole file', async () => {
    const run = pipeline('1h');
    expect(run.late).toEqual([]);
    expect(run.window.lateEvents).toBe(0);
    const revisions = run.results.filter((r) => r['revision'] !== 0);
    expect(revisions.map((r) => [r['window_start'], r['revision'], r['n']])).toEqual(repeated.map((_, i) => [at(5 * i), 1, 2]));
    const final = new Map(run.results.map((r) => [r['window_start'], { ...r, revision: 0 }]));
    await loadNab(file, undefined);
    const query = windowAggregateSql({ table: 'nab', keys: [], value: 'value' }, sqlWindowOf(window));
    const expected = await db.query(query.sql, query.params);
    expect(expected.length).toBeGreaterThan(20_000);
    expect(rowSetDifferences([...final.values()], expected, options)).toEqual([]);
  });
});
