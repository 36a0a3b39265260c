import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingSessions } from '../testing/aggregateCompare';
import { openDuckDb, type DuckDb, type TableColumn } from '../testing/duckdb';
import { runWindowPipeline, sampleEventColumns, sampleParamsOf, sqlWindowOf, windowPipeline, type WindowNodeSpec } from '../testing/pipelines';
import { lastRevisions, rowSetDifferences, type RowSetOptions } from '../testing/rowSets';
import { SUMMED_COLUMNS, windowAggregateSql } from '../testing/windowSql';

/**
 * Real pipeline documents over generated sample streams, run by the engine,
 * against the same aggregations computed by DuckDB over the same events. The
 * events come out of order within the watermark bound and none is late, so
 * the streaming results must equal the batch results exactly (sums and
 * averages up to the order of additions).
 *
 * Why none is late: the generator delays each event by less than the bound B,
 * so every earlier event has a time below t + B and the watermark an event
 * meets is below t - 1. Hence no window or session holding t has fired yet,
 * and no fired session ends at or after t (one ending exactly at t would, in
 * Flink as here, already be purged and not merge as the batch query would).
 * That needs B > 0: an in-order stream with equal times can show that case.
 */

interface Case {
  readonly name: string;
  readonly source: Record<string, unknown>;
  /** More sample sources, merged with the first by a union (whose watermark is the minimum of its inputs'). */
  readonly moreSources?: readonly Record<string, unknown>[];
  readonly keyBy?: readonly string[];
  readonly value: string;
  readonly window: WindowNodeSpec;
  readonly batchSize?: number;
  /** The case must produce at least this many windows, so that it cannot pass vacuously. */
  readonly minRows: number;
}

const CASES: readonly Case[] = [
  {
    name: 'sensors per device, tumbling 250ms (bound 800ms spans several windows)',
    source: { stream: 'sensors', rate: 1000, keys: 10, limit: 20_000, seed: 11, maxOutOfOrderness: '800ms' },
    keyBy: ['device'], value: 'temperature', window: { kind: 'window.tumbling', size: '250ms' }, minRows: 700,
  },
  {
    name: 'sensors per device, tumbling 1s with offset -300ms, times on both sides of the epoch',
    source: { stream: 'sensors', rate: 400, keys: 6, limit: 8_000, seed: 3, maxOutOfOrderness: '1.5s', startTime: -7_000 },
    keyBy: ['device'], value: 'humidity', window: { kind: 'window.tumbling', size: '1s', offset: '-300ms' }, batchSize: 37, minRows: 100,
  },
  {
    name: 'payments per card, tumbling 5s with offset 1200ms',
    source: { stream: 'payments', rate: 500, keys: 50, limit: 15_000, seed: 5, maxOutOfOrderness: '2s' },
    keyBy: ['card'], value: 'amount', window: { kind: 'window.tumbling', size: '5s', offset: '1200ms' }, minRows: 300,
  },
  {
    name: 'payments per merchant and country, hopping 4s every 1s',
    source: { stream: 'payments', rate: 300, keys: 40, limit: 9_000, seed: 8, maxOutOfOrderness: '700ms' },
    keyBy: ['merchant', 'country'], value: 'amount', window: { kind: 'window.hopping', size: '4s', slide: '1s' }, minRows: 300,
  },
  {
    name: 'trades per symbol, hopping 1s every 300ms with offset -120ms, from negative times',
    source: { stream: 'trades', rate: 800, keys: 8, limit: 12_000, seed: 21, maxOutOfOrderness: '450ms', startTime: -2_000 },
    keyBy: ['symbol'], value: 'price', window: { kind: 'window.hopping', size: '1s', slide: '300ms', offset: '-120ms' }, batchSize: 1000, minRows: 300,
  },
  {
    name: 'trades per symbol, sessions with gap 25ms',
    source: { stream: 'trades', rate: 800, keys: 8, limit: 15_000, seed: 2, maxOutOfOrderness: '60ms' },
    keyBy: ['symbol'], value: 'volume', window: { kind: 'window.session', gap: '25ms' }, minRows: 500,
  },
  {
    name: 'bids per auction (a number key), sessions with gap 60ms and a bound larger than the gap',
    source: { stream: 'bids', rate: 1000, keys: 20, limit: 15_000, seed: 9, maxOutOfOrderness: '100ms' },
    keyBy: ['auction'], value: 'price', window: { kind: 'window.session', gap: '60ms' }, batchSize: 5, minRows: 300,
  },
  {
    name: 'two trades streams of different rates, bounds and symbols merged by a union, per symbol, tumbling 700ms',
    source: { stream: 'trades', rate: 900, keys: 6, limit: 9_000, seed: 40, maxOutOfOrderness: '300ms' },
    moreSources: [{ stream: 'trades', rate: 400, keys: 10, limit: 5_000, seed: 41, maxOutOfOrderness: '1s', startTime: 1_699_999_998_000 }],
    keyBy: ['symbol'], value: 'price', window: { kind: 'window.tumbling', size: '700ms' }, batchSize: 500, minRows: 100,
  },
  {
    name: 'bids per auction, hopping 300ms every 1s (windows shorter than the slide leave gaps)',
    source: { stream: 'bids', rate: 1000, keys: 10, limit: 10_000, seed: 13, maxOutOfOrderness: '400ms' },
    keyBy: ['auction'], value: 'price', window: { kind: 'window.hopping', size: '300ms', slide: '1s', offset: '-100ms' }, minRows: 50,
  },
  {
    name: 'bids unkeyed, tumbling 100ms',
    source: { stream: 'bids', rate: 700, keys: 30, limit: 7_000, seed: 4, maxOutOfOrderness: '250ms' },
    value: 'price', window: { kind: 'window.tumbling', size: '100ms' }, minRows: 90,
  },
  {
    name: 'sensors unkeyed, hopping 2s every 500ms with offset 250ms',
    source: { stream: 'sensors', rate: 250, keys: 4, limit: 5_000, seed: 17, maxOutOfOrderness: '1s' },
    value: 'temperature', window: { kind: 'window.hopping', size: '2s', slide: '500ms', offset: '250ms' }, minRows: 40,
  },
];

/** A key and a value field of each stream, for the property tests. */
const STREAMS = {
  sensors: { keyBy: ['device'], value: 'temperature' },
  payments: { keyBy: ['card'], value: 'amount' },
  trades: { keyBy: ['symbol'], value: 'price' },
  bids: { keyBy: ['auction'], value: 'price' },
} as const;

/** Rows match by window and key; sums and averages may differ in the last bits (the order of additions differs). */
const optionsFor = (keys: readonly string[]): RowSetOptions => ({
  identity: ['window_start', 'window_end', ...keys, 'revision'],
  approximate: SUMMED_COLUMNS,
  relativeTolerance: 1e-9,
});

let db: DuckDb;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(() => db.close());

/** The columns of several event tables with the same columns, one after the other. */
function concatColumns(tables: readonly TableColumn[][]): TableColumn[] {
  return tables[0]!.map((column, i) => ({ ...column, values: tables.flatMap((t) => Array.from(t[i]!.values)) }));
}

/** Runs a case through the engine and through DuckDB; returns both result sets. */
async function bothEngines(c: Pick<Case, 'source' | 'moreSources' | 'keyBy' | 'value' | 'window' | 'batchSize'>, allowedLateness?: string) {
  const window = allowedLateness === undefined ? c.window : { ...c.window, allowedLateness };
  const moreSources = (c.moreSources ?? []).map((params) => ({ kind: 'source.sample' as const, params }));
  const doc = windowPipeline({
    source: { kind: 'source.sample', params: c.source }, moreSources,
    ...(c.keyBy === undefined ? {} : { keyBy: c.keyBy }), window, value: c.value,
  });
  const run = runWindowPipeline(doc, c.batchSize === undefined ? {} : { batchSize: c.batchSize });
  const sourceIds = ['src', ...moreSources.map((_, i) => `src${i + 1}`)];
  await db.load('events', concatColumns(sourceIds.map((id) => sampleEventColumns(sampleParamsOf(doc, id)))));
  const query = windowAggregateSql({ table: 'events', keys: c.keyBy ?? [], value: c.value }, sqlWindowOf(c.window));
  const expected = await db.query(query.sql, query.params);
  return { run, expected };
}

describe('windowed aggregations over sample streams, against DuckDB', () => {
  for (const c of CASES) {
    it(`gives DuckDB's results for ${c.name}`, async () => {
      const { run, expected } = await bothEngines(c);
      expect(run.window.lateEvents).toBe(0);
      expect(run.late).toEqual([]);
      expect(rowSetDifferences(run.results, expected, optionsFor(c.keyBy ?? []))).toEqual([]);
      expect(run.results).toHaveLength(expected.length);
      expect(expected.length).toBeGreaterThanOrEqual(c.minRows);
    });
  }

  it('gives DuckDB\'s results for any stream, window, offset, bound and batch size', async () => {
    const windowArb: fc.Arbitrary<WindowNodeSpec> = fc.oneof(
      fc.record({ size: fc.integer({ min: 1, max: 3000 }), offset: fc.integer({ min: -2999, max: 2999 }) })
        .map(({ size, offset }) => ({ kind: 'window.tumbling' as const, size: `${size}ms`, offset: `${offset % size}ms` })),
      // Sizes from below the slide (gaps between windows) to five slides and more.
      fc.record({ slide: fc.integer({ min: 1, max: 1500 }), size: fc.integer({ min: 1, max: 5000 }), offset: fc.integer({ min: -1499, max: 1499 }) })
        .map(({ slide, size, offset }) => ({ kind: 'window.hopping' as const, size: `${Math.min(size, slide * 6)}ms`, slide: `${slide}ms`, offset: `${offset % slide}ms` })),
      fc.integer({ min: 1, max: 400 }).map((gap) => ({ kind: 'window.session' as const, gap: `${gap}ms` })),
    );
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...(Object.keys(STREAMS) as (keyof typeof STREAMS)[])),
      fc.record({
        seed: fc.integer(), rate: fc.integer({ min: 50, max: 3000 }), keys: fc.integer({ min: 1, max: 12 }),
        bound: fc.integer({ min: 1, max: 3000 }), startTime: fc.integer({ min: -20_000, max: 20_000 }),
      }),
      windowArb,
      fc.integer({ min: 1, max: 600 }),
      fc.boolean(),
      async (stream, p, window, batchSize, keyed) => {
        const spec = STREAMS[stream];
        const source = { stream, rate: p.rate, keys: p.keys, limit: 1500, seed: p.seed, maxOutOfOrderness: `${p.bound}ms`, startTime: p.startTime };
        const keys = keyed ? spec.keyBy : [];
        const { run, expected } = await bothEngines({ source, ...(keyed ? { keyBy: spec.keyBy } : {}), value: spec.value, window, batchSize });
        expect(run.window.lateEvents).toBe(0);
        expect(rowSetDifferences(run.results, expected, optionsFor(keys))).toEqual([]);
      },
    ), { numRuns: 100 });
  });
});

describe('late events within allowed lateness, against DuckDB', () => {
  const lateCases: readonly Case[] = [
    {
      name: 'tumbling 200ms per device',
      // Delayed events arrive up to max(2 x bound, 1s) past the bound: allowed lateness covers them all.
      source: { stream: 'sensors', rate: 1000, keys: 5, limit: 10_000, seed: 31, maxOutOfOrderness: '300ms', lateFraction: 0.05 },
      keyBy: ['device'], value: 'temperature', window: { kind: 'window.tumbling', size: '200ms', offset: '-50ms' }, minRows: 200,
    },
    {
      name: 'hopping 1s every 250ms per symbol',
      source: { stream: 'trades', rate: 600, keys: 6, limit: 9_000, seed: 12, maxOutOfOrderness: '200ms', lateFraction: 0.1 },
      keyBy: ['symbol'], value: 'price', window: { kind: 'window.hopping', size: '1s', slide: '250ms' }, batchSize: 64, minRows: 300,
    },
  ];

  for (const c of lateCases) {
    it(`revises windows until the last revision equals DuckDB's result, for ${c.name}`, async () => {
      const { run, expected } = await bothEngines(c, '1s');
      const revised = run.results.filter((r) => r['revision'] !== 0).length;
      expect(revised).toBeGreaterThan(10);
      expect(run.window.lateEvents).toBe(0);
      const final = lastRevisions(run.results, ['window_start', 'window_end', ...(c.keyBy ?? [])]);
      expect(final.problems).toEqual([]);
      const asFinal = final.rows.map((row) => ({ ...row, revision: 0 }));
      expect(rowSetDifferences(asFinal, expected, optionsFor(c.keyBy ?? []))).toEqual([]);
      expect(expected.length).toBeGreaterThanOrEqual(c.minRows);
    });
  }

  const sessionCases: readonly Case[] = [
    {
      name: 'bids per auction, gap 50ms',
      source: { stream: 'bids', rate: 1000, keys: 10, limit: 10_000, seed: 6, maxOutOfOrderness: '100ms', lateFraction: 0.1 },
      keyBy: ['auction'], value: 'price', window: { kind: 'window.session', gap: '50ms' }, minRows: 300,
    },
    {
      name: 'trades per symbol, gap 30ms',
      source: { stream: 'trades', rate: 800, keys: 8, limit: 10_000, seed: 14, maxOutOfOrderness: '40ms', lateFraction: 0.2 },
      keyBy: ['symbol'], value: 'volume', window: { kind: 'window.session', gap: '30ms' }, batchSize: 333, minRows: 300,
    },
  ];

  for (const c of sessionCases) {
    it(`merges late events into fired sessions until the standing sessions equal DuckDB's, for ${c.name}`, async () => {
      // Lateness above the longest delay (1s past the bound) keeps every session's state until nothing can touch it.
      const { run, expected } = await bothEngines(c, '2s');
      expect(run.window.lateEvents).toBe(0);
      expect(run.results.filter((r) => r['revision'] !== 0).length).toBeGreaterThan(10);
      expect(rowSetDifferences(standingSessions(run.results, c.keyBy ?? []), expected, optionsFor(c.keyBy ?? []))).toEqual([]);
      expect(expected.length).toBeGreaterThanOrEqual(c.minRows);
    });
  }

  it('ends at DuckDB\'s sessions for any stream, gap, bound, share of late events and batch size', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...(Object.keys(STREAMS) as (keyof typeof STREAMS)[])),
      fc.record({
        seed: fc.integer(), rate: fc.integer({ min: 50, max: 3000 }), keys: fc.integer({ min: 1, max: 12 }), gap: fc.integer({ min: 1, max: 300 }),
        bound: fc.integer({ min: 1, max: 1500 }), lateFraction: fc.double({ min: 0, max: 0.5, noNaN: true }), startTime: fc.integer({ min: -20_000, max: 20_000 }),
      }),
      fc.integer({ min: 1, max: 600 }),
      async (stream, p, batchSize) => {
        const spec = STREAMS[stream];
        // Delays reach max(2 x bound, 1s) past the bound; lateness beyond that keeps every session's state long enough.
        const lateness = `${Math.max(2 * p.bound, 1000) + 1}ms`;
        const source = { stream, rate: p.rate, keys: p.keys, limit: 1500, seed: p.seed, maxOutOfOrderness: `${p.bound}ms`, lateFraction: p.lateFraction, startTime: p.startTime };
        const { run, expected } = await bothEngines({ source, keyBy: spec.keyBy, value: spec.value, window: { kind: 'window.session', gap: `${p.gap}ms` }, batchSize }, lateness);
        expect(run.window.lateEvents).toBe(0);
        expect(rowSetDifferences(standingSessions(run.results, spec.keyBy), expected, optionsFor(spec.keyBy))).toEqual([]);
      },
    ), { numRuns: 100 });
  });
});
