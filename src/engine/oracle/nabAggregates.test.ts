import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type DuckDb } from '../testing/duckdb';
import { compareWithDuckDb } from '../testing/aggregateOracle';
import { overNumbers } from '../testing/aggregatePool';
import type { OracleAggregation, OracleWindow } from '../testing/aggregateSql';
import type { OracleEvent } from '../testing/aggregateStreams';

/**
 * Every aggregate function over real time series from the Numenta Anomaly
 * Benchmark, read in place from the shared data folder (never copied), on
 * every window kind, against DuckDB. NAB timestamps have no zone: read as UTC.
 */
const NAB = path.resolve(import.meta.dirname, '../../../../shared/data/nab');

/** The rows of a NAB CSV (timestamp,value) as events in file order. */
function nabEvents(file: string): OracleEvent[] {
  const lines = readFileSync(path.join(NAB, file), 'utf8').trim().split('\n').slice(1);
  return lines.map((line, i) => {
    const [timestamp, value] = line.split(',');
    const t = Date.parse(`${timestamp!.replace(' ', 'T')}Z`);
    const v = Number(value);
    if (!Number.isFinite(t) || !Number.isFinite(v)) throw new Error(`${file} line ${i + 2}: ${line}`);
    return { i, t, k: 'nab', v, s: null };
  });
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface NabFile {
  readonly file: string;
  /** machine_temperature repeats one hour (a clock set back): a 1 h bound keeps those rows on time. */
  readonly bound: number;
  readonly sessionGap: number;
  /** The rows the sessions see, so that they split into many (busy or hot spells). */
  readonly sessionRows: (v: number) => boolean;
  readonly minWindows: number;
}

const FILES: readonly NabFile[] = [
  // Half-hour buckets with more than 25,000 passengers: busy spells split wherever a quiet hour passes.
  { file: 'nyc_taxi.csv', bound: 1, sessionGap: HOUR, sessionRows: (v) => v > 25_000, minWindows: 100 },
  // Readings above 90 degrees: hot spells split by cooler stretches.
  { file: 'machine_temperature_system_failure.csv', bound: HOUR, sessionGap: 30 * 60_000, sessionRows: (v) => v > 90, minWindows: 70 },
  // Hourly readings with ten outages of 2 h to 7 days: each outage ends a session.
  { file: 'ambient_temperature_system_failure.csv', bound: 1, sessionGap: 2 * HOUR, sessionRows: () => true, minWindows: 10 },
];

const WINDOWS: readonly OracleWindow[] = [
  { type: 'tumbling', size: DAY, offset: 7 * HOUR },
  { type: 'hopping', size: DAY, slide: 6 * HOUR, offset: 0 },
  { type: 'count', size: 100 },
  { type: 'cumulate', step: 6 * HOUR, maxSize: DAY, offset: 0 },
];

const AGGREGATIONS: readonly OracleAggregation[] = [
  ...overNumbers(0.95),
  { name: 'median', fn: 'percentile', field: 'v', q: 0.5 },
  { name: 'p05', fn: 'percentile', field: 'v', q: 0.05 },
];

let db: DuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  await db.query('SET threads = 1');
});
afterAll(() => db.close());

describe('every aggregate function over NAB time series, against DuckDB', () => {
  for (const f of FILES) {
    const all = nabEvents(f.file);
    for (const window of [...WINDOWS, { type: 'session', gap: f.sessionGap } as const]) {
      it(`agrees for ${f.file}, ${window.type} windows`, async () => {
        const events = window.type === 'session' ? all.filter((e) => f.sessionRows(e.v!)) : all;
        const out = await compareWithDuckDb(db, events, window, AGGREGATIONS, { keyed: false, bound: f.bound, lateness: 0 });
        expect(out.differences).toEqual([]);
        expect(out.lateEvents).toBe(0);
        expect(out.windows).toBeGreaterThanOrEqual(window.type === 'session' ? 10 : f.minWindows);
      });
    }
  }
});
