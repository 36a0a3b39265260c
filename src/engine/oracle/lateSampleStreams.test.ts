import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDuration } from '../../model';
import { openDuckDb, type DuckDb } from '../testing/duckdb';
import { runWindowPipeline, sampleEventColumns, sampleParamsOf, sqlWindowOf, windowPipeline, type WindowNodeSpec } from '../testing/pipelines';
import { lastRevisions, rowSetDifferences } from '../testing/rowSets';
import { lateWindowSql, SUMMED_COLUMNS } from '../testing/windowSql';

/**
 * Sample streams with events delayed past the watermark bound, through
 * tumbling and hopping windows with and without allowed lateness. DuckDB
 * judges every event against the watermark the events before it left (it
 * knows the arrival order) and derives from the rules alone which events each
 * window takes, how many revisions it emits, and which events go to `late`.
 */

interface LateCase {
  readonly name: string;
  readonly source: Record<string, unknown>;
  readonly keyBy?: readonly string[];
  readonly value: string;
  readonly window: Extract<WindowNodeSpec, { kind: 'window.tumbling' | 'window.hopping' }>;
  readonly batchSize?: number;
  /** The case must send at least this many events to late and emit at least this many revisions. */
  readonly minLate: number;
  readonly minRevisions: number;
}

const CASES: readonly LateCase[] = [
  {
    name: 'sensors per device, tumbling 200ms, no allowed lateness',
    source: { stream: 'sensors', rate: 1000, keys: 5, limit: 12_000, seed: 1, maxOutOfOrderness: '300ms', lateFraction: 0.1 },
    keyBy: ['device'], value: 'temperature', window: { kind: 'window.tumbling', size: '200ms', offset: '-50ms' }, minLate: 500, minRevisions: 0,
  },
  {
    name: 'sensors per device, tumbling 200ms, allowed lateness 400ms',
    source: { stream: 'sensors', rate: 1000, keys: 5, limit: 12_000, seed: 1, maxOutOfOrderness: '300ms', lateFraction: 0.1 },
    keyBy: ['device'], value: 'temperature', window: { kind: 'window.tumbling', size: '200ms', offset: '-50ms', allowedLateness: '400ms' }, minLate: 100, minRevisions: 300,
  },
  {
    name: 'trades per symbol, hopping 500ms every 250ms, allowed lateness 100ms',
    source: { stream: 'trades', rate: 600, keys: 6, limit: 9_000, seed: 12, maxOutOfOrderness: '200ms', lateFraction: 0.2 },
    keyBy: ['symbol'], value: 'price', window: { kind: 'window.hopping', size: '500ms', slide: '250ms', allowedLateness: '100ms' }, batchSize: 50, minLate: 50, minRevisions: 300,
  },
  {
    name: 'payments per card, hopping 300ms every 1s (gaps between windows), allowed lateness 200ms',
    source: { stream: 'payments', rate: 800, keys: 20, limit: 8_000, seed: 3, maxOutOfOrderness: '150ms', lateFraction: 0.15 },
    keyBy: ['card'], value: 'amount', window: { kind: 'window.hopping', size: '300ms', slide: '1s', offset: '-400ms', allowedLateness: '200ms' }, minLate: 50, minRevisions: 20,
  },
  {
    name: 'bids unkeyed, tumbling 50ms, allowed lateness 500ms, from negative times',
    source: { stream: 'bids', rate: 2000, keys: 50, limit: 10_000, seed: 8, maxOutOfOrderness: '100ms', lateFraction: 0.05, startTime: -2_500 },
    value: 'price', window: { kind: 'window.tumbling', size: '50ms', allowedLateness: '500ms' }, minLate: 50, minRevisions: 200,
  },
];

let db: DuckDb;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(() => db.close());

function ms(text: string): number {
  return parseDuration(text) ?? Number.NaN;
}

/** Runs the case in both engines and returns what differs (empty when they agree) and a few figures. */
async function compare(c: LateCase) {
  const keys = c.keyBy ?? [];
  const doc = windowPipeline({ source: { kind: 'source.sample', params: c.source }, ...(c.keyBy === undefined ? {} : { keyBy: c.keyBy }), window: c.window, value: c.value });
  const run = runWindowPipeline(doc, c.batchSize === undefined ? {} : { batchSize: c.batchSize });
  const params = sampleParamsOf(doc);
  await db.load('events', sampleEventColumns(params));
  const window = sqlWindowOf(c.window);
  if (window.type === 'session') throw new Error('sessions are not modelled here');
  const sql = lateWindowSql({ table: 'events', keys, value: c.value }, window, { bound: params.maxOutOfOrdernessMs, lateness: ms(c.window.allowedLateness ?? '0ms') });
  const expected = await db.query(sql.results.sql, sql.results.params);
  const expectedLate = await db.query(sql.late.sql, sql.late.params);
  const final = lastRevisions(run.results, ['window_start', 'window_end', ...keys]);
  return {
    sequence: final.problems,
    results: rowSetDifferences(final.rows, expected, {
      identity: ['window_start', 'window_end', ...keys], approximate: SUMMED_COLUMNS, relativeTolerance: 1e-9,
    }),
    late: { actual: run.late.map((r) => [r['ts'], r[c.value]]), expected: expectedLate.map((r) => [r['t'], r['v']]) },
    lateEvents: run.window.lateEvents,
    revisions: run.results.length - final.rows.length,
    windows: expected.length,
  };
}

describe('late events in sample streams, against DuckDB', () => {
  for (const c of CASES) {
    it(`takes, revises and sends to late exactly the events the rules say, for ${c.name}`, async () => {
      const r = await compare(c);
      expect(r.sequence).toEqual([]);
      expect(r.results).toEqual([]);
      expect(r.late.actual).toEqual(r.late.expected);
      expect(r.lateEvents).toBe(r.late.expected.length);
      expect(r.late.expected.length).toBeGreaterThanOrEqual(c.minLate);
      expect(r.revisions).toBeGreaterThanOrEqual(c.minRevisions);
    });
  }

  it('agrees for any stream, window, bound, lateness, share of late events and batch size', async () => {
    const streams = {
      sensors: { keyBy: ['device'], value: 'humidity' },
      payments: { keyBy: ['card'], value: 'amount' },
      trades: { keyBy: ['symbol'], value: 'volume' },
      bids: { keyBy: ['auction'], value: 'price' },
    } as const;
    const windowArb = fc.oneof(
      fc.record({ size: fc.integer({ min: 1, max: 2000 }), offset: fc.integer({ min: -1999, max: 1999 }) })
        .map(({ size, offset }) => ({ kind: 'window.tumbling' as const, size: `${size}ms`, offset: `${offset % size}ms` })),
      fc.record({ slide: fc.integer({ min: 1, max: 1000 }), size: fc.integer({ min: 1, max: 4000 }), offset: fc.integer({ min: -999, max: 999 }) })
        .map(({ slide, size, offset }) => ({ kind: 'window.hopping' as const, size: `${Math.min(size, slide * 6)}ms`, slide: `${slide}ms`, offset: `${offset % slide}ms` })),
    );
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...(Object.keys(streams) as (keyof typeof streams)[])),
      fc.record({
        seed: fc.integer(), rate: fc.integer({ min: 50, max: 3000 }), keys: fc.integer({ min: 1, max: 12 }),
        bound: fc.integer({ min: 0, max: 1500 }), lateFraction: fc.double({ min: 0, max: 0.5, noNaN: true }),
        lateness: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })), startTime: fc.integer({ min: -20_000, max: 20_000 }),
      }),
      windowArb,
      fc.integer({ min: 1, max: 600 }),
      fc.boolean(),
      async (stream, p, window, batchSize, keyed) => {
        const spec = streams[stream];
        const r = await compare({
          name: 'property', minLate: 0, minRevisions: 0, value: spec.value, batchSize,
          source: { stream, rate: p.rate, keys: p.keys, limit: 1500, seed: p.seed, maxOutOfOrderness: `${p.bound}ms`, lateFraction: p.lateFraction, startTime: p.startTime },
          ...(keyed ? { keyBy: spec.keyBy } : {}),
          window: { ...window, allowedLateness: `${p.lateness}ms` },
        });
        expect(r.sequence).toEqual([]);
        expect(r.results).toEqual([]);
        expect(r.late.actual).toEqual(r.late.expected);
        expect(r.lateEvents).toBe(r.late.expected.length);
      },
    ), { numRuns: 120 });
  });
});
