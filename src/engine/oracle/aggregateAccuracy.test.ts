import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HLL_PRECISION } from '../aggregate/hyperLogLog';
import { RELATIVE_ACCURACY } from '../aggregate/sketchMapping';
import { openDuckDb, type DuckDb } from '../testing/duckdb';
import { HLL_ABSOLUTE, HLL_RELATIVE, SKETCH_ZERO } from '../testing/aggregateCompare';
import { compareWithDuckDb, oracleExpectation } from '../testing/aggregateOracle';
import { runEngine } from '../testing/aggregateRun';
import type { OracleAggregation, OracleWindow } from '../testing/aggregateSql';
import { generateStream, seededRandom, VALUE_FAMILIES, type OracleEvent } from '../testing/aggregateStreams';

/**
 * The accuracy each aggregate documents (README.md, "Aggregates"), held
 * against DuckDB where it is hardest to meet: HyperLogLog's error over many
 * windows and keys, DDSketch's relative accuracy near zero, for negative
 * values and below the smallest normal double, first and last among equal
 * event times, windows without any value, and variance and stddev with large
 * offsets (values near 1e9 and 1e12 with a spread of a few hundred).
 */

let db: DuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  await db.query('SET threads = 1');
});
afterAll(() => db.close());

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('approxCountDistinct: HyperLogLog at precision 12', () => {
  // 1.04 / sqrt(2^12): the standard error of the estimate for counts beyond linear counting's range.
  const standardError = 1.04 / Math.sqrt(2 ** HLL_PRECISION);

  it('stays within its error bound in every window and key, and within a standard error on average', async () => {
    await fc.assert(fc.asyncProperty(fc.integer(), async (seed) => {
      // 48 windows and keys, each with a log-uniform number of distinct values from 1 to 24,000 and 20% repeats.
      const random = seededRandom(seed);
      const events: OracleEvent[] = [];
      const size = 1000;
      for (let w = 0; w < 3; w++) {
        const cells = Array.from({ length: 16 }, (_, k) => {
          const distinct = Math.round(Math.exp(random() * Math.log(24_000)));
          const pool = Array.from({ length: distinct }, () => Math.floor(random() * 2 ** 40) + random());
          return [...pool, ...Array.from({ length: Math.floor(distinct / 5) }, () => pool[Math.floor(random() * distinct)]!)].map((v) => ({ k: `k${k}`, v, t: w * size + Math.floor(random() * size) }));
        });
        for (const e of cells.flat().sort((a, b) => a.t - b.t)) events.push({ i: events.length, t: e.t, k: e.k, v: e.v, s: null });
      }
      const window: OracleWindow = { type: 'tumbling', size, offset: 0 };
      const aggregations: OracleAggregation[] = [{ name: 'hll', fn: 'approxCountDistinct', field: 'v' }];
      const options = { keyed: true, bound: 1, lateness: 0 };
      const run = runEngine(events, window, aggregations, options);
      const exact = new Map((await oracleExpectation(db, events, window, aggregations, options)).rows.map((r) => [`${r['window_start']} ${r['k']}`, r['hll'] as number]));
      const cells = run.results.map((r) => ({ estimate: r['hll'] as number, exact: exact.get(`${r['window_start']} ${r['k']}`) ?? NaN }));
      expect(cells).toHaveLength(48);
      const outside = cells.filter((c) => !(Math.abs(c.estimate - c.exact) <= HLL_RELATIVE * c.exact + HLL_ABSOLUTE));
      expect(outside).toEqual([]);
      const errors = cells.map((c) => (c.estimate - c.exact) / c.exact);
      expect(mean(errors.map(Math.abs))).toBeLessThan(standardError);
      // No bias: the signed errors cancel (their mean has a spread of about 0.2% over 48 cells).
      expect(Math.abs(mean(errors))).toBeLessThan(0.008);
    }), { numRuns: 1 });
  }, 60_000);
});

describe('percentile: DDSketch, 1% relative accuracy at the rank floor(q * (n - 1))', () => {
  /** Values near zero on both sides, exact zeros, subnormals and magnitudes from 1e-320 to 1e12. */
  function nearZero(random: () => number): number {
    const r = random();
    if (r < 0.05) return 0;
    if (r < 0.1) return (random() < 0.5 ? -1 : 1) * 1e-310 * random(); // below the sketch's smallest bucket
    const magnitude = 10 ** (-320 + 332 * random() ** 0.3);
    return (random() < 0.4 ? -1 : 1) * magnitude;
  }

  it('is within 1% of DuckDB\'s exact value of that rank, near zero, for negatives and in windows beyond the sketch\'s buffer', async () => {
    await fc.assert(fc.asyncProperty(fc.integer(), fc.double({ min: 0.001, max: 0.999, noNaN: true }), async (seed, q) => {
      const random = seededRandom(seed);
      // Two events per ms, in order. Small windows answer from the sketch's sorted buffer, those of more than 128 values from its bins.
      const events: OracleEvent[] = Array.from({ length: 4000 }, (_, i) => ({ i, t: Math.floor(i / 2), k: `k${i % 2}`, v: nearZero(random), s: null }));
      const aggregations: OracleAggregation[] = [
        { name: 'p', fn: 'percentile', field: 'v', q },
        { name: 'p50', fn: 'percentile', field: 'v', q: 0.5 },
        { name: 'n', fn: 'count' },
      ];
      for (const window of [{ type: 'tumbling', size: 700, offset: 0 }, { type: 'hopping', size: 200, slide: 50, offset: 0 }, { type: 'session', gap: 1 }, { type: 'count', size: 3 }] as const) {
        const out = await compareWithDuckDb(db, events, window, aggregations, { keyed: true, bound: 1, lateness: 0, batchSize: 333 });
        expect(out.differences).toEqual([]);
      }
    }), { numRuns: 4 });
  });

  it('answers the rank floor(q * (n - 1)), not DuckDB\'s quantile_disc (ceil(q * n) - 1)', async () => {
    // Values 1, 2, 4, 8, ... are more than 2% apart, so each has its own bucket and the rank shows.
    const values = Array.from({ length: 10 }, (_, i) => 2 ** i);
    const events: OracleEvent[] = values.map((v, i) => ({ i, t: 0, k: 'a', v, s: null }));
    const run = runEngine(events, { type: 'tumbling', size: 1000, offset: 0 }, [{ name: 'p', fn: 'percentile', field: 'v', q: 0.95 }], { keyed: false, bound: 1, lateness: 0 });
    // floor(0.95 * 9) = 8: the value 256 (DuckDB's quantile_disc would take ceil(9.5) - 1 = 9: 512).
    const answer = run.results[0]!['p'] as number;
    expect(Math.abs(answer - 256)).toBeLessThanOrEqual(RELATIVE_ACCURACY * 256);
    const [disc] = await db.query('SELECT quantile_disc(v, 0.95) AS d FROM (SELECT unnest($values::DOUBLE[]) AS v)', { values: `[${values.join(',')}]` });
    expect(disc).toEqual({ d: 512 });
  });

  it('returns 0 for values below the smallest bucket (about 1.1e-308) and exactly 0 for zeros', async () => {
    const events: OracleEvent[] = [1e-310, -2e-320, 0, 5e-324, 3e-309].map((v, i) => ({ i, t: i, k: 'a', v, s: null }));
    const run = runEngine(events, { type: 'tumbling', size: 1000, offset: 0 }, [{ name: 'low', fn: 'percentile', field: 'v', q: 0.01 }, { name: 'high', fn: 'percentile', field: 'v', q: 0.99 }], { keyed: false, bound: 1, lateness: 0 });
    expect(SKETCH_ZERO).toBeGreaterThan(3e-309);
    expect(run.results).toEqual([{ window_start: 0, window_end: 1000, low: 0, high: 0, revision: 0 }]);
  });
});

describe('first and last by event time', () => {
  it('break ties of equal event times by arrival, first the earliest, last the latest, whatever the window and batch cut', async () => {
    await fc.assert(fc.asyncProperty(fc.integer(), fc.integer({ min: 1, max: 50 }), async (seed, batchSize) => {
      // Event times on a 100 ms tick with 1 ms of disorder allowed: most events share their time with others.
      const events = generateStream({ seed, events: 400, keys: 2, family: 'signed', spacing: 3, tick: 100, bound: 150, lateFraction: 0, lateDelay: 0, missing: 0.2, startTime: 0 });
      const aggregations: OracleAggregation[] = [
        { name: 'first', fn: 'first', field: 'v' }, { name: 'last', fn: 'last', field: 'v' },
        { name: 'first_s', fn: 'first', field: 's' }, { name: 'last_s', fn: 'last', field: 's' },
      ];
      const windows: OracleWindow[] = [
        { type: 'tumbling', size: 300, offset: 0 }, { type: 'hopping', size: 300, slide: 100, offset: 0 }, { type: 'session', gap: 100 }, { type: 'count', size: 7 },
        { type: 'cumulate', step: 100, maxSize: 400, offset: 0 },
      ];
      for (const window of windows) {
        const out = await compareWithDuckDb(db, events, window, aggregations, { keyed: true, bound: 150, lateness: 1, batchSize });
        expect(out.differences).toEqual([]);
      }
    }), { numRuns: 3 });
  });
});

describe('missing values', () => {
  it('leaves windows with no value at null (0 for the distinct counts) while count still counts their events', async () => {
    const events = generateStream({ seed: 4, events: 600, keys: 2, family: 'plain', spacing: 5, tick: 1, bound: 10, lateFraction: 0, lateDelay: 0, missing: 0.9, startTime: 0 });
    const aggregations: OracleAggregation[] = [
      { name: 'n', fn: 'count' }, { name: 'sum', fn: 'sum', field: 'v' }, { name: 'avg', fn: 'avg', field: 'v' }, { name: 'min', fn: 'min', field: 'v' },
      { name: 'variance', fn: 'variance', field: 'v' }, { name: 'distinct', fn: 'countDistinct', field: 'v' }, { name: 'approx', fn: 'approxCountDistinct', field: 's' },
      { name: 'p', fn: 'percentile', field: 'v', q: 0.5 }, { name: 'first', fn: 'first', field: 'v' }, { name: 'last_s', fn: 'last', field: 's' },
    ];
    const window: OracleWindow = { type: 'tumbling', size: 20, offset: 0 };
    const options = { keyed: true, bound: 10, lateness: 0 };
    const expected = await oracleExpectation(db, events, window, aggregations, options);
    const empty = expected.rows.filter((r) => r['sum'] === null);
    // The case is not vacuous: windows without a value exist, and they have events.
    expect(empty.length).toBeGreaterThan(10);
    expect(empty.every((r) => (r['n'] as number) > 0 && r['distinct'] === 0 && r['p'] === null && r['first'] === null && r['variance'] === null)).toBe(true);
    const out = await compareWithDuckDb(db, events, window, aggregations, options);
    expect(out.differences).toEqual([]);
  });
});

/**
 * Needs the Welford/Chan variance (issue 13, "Numerics"): with sums of
 * squares, values near 1e9 with a spread of a few hundred lose most of
 * their digits (stddev off by 1-6%, or 0), and near 1e12 all of them.
 */
describe('variance and stddev against a two-pass computation, within 1e-9 relative', () => {
  const aggregations: OracleAggregation[] = [
    { name: 'variance', fn: 'variance', field: 'v' }, { name: 'stddev', fn: 'stddev', field: 'v' },
    { name: 'avg', fn: 'avg', field: 'v' }, { name: 'sum', fn: 'sum', field: 'v' },
  ];
  const windowArb: fc.Arbitrary<OracleWindow> = fc.constantFrom<OracleWindow>(
    { type: 'tumbling', size: 100, offset: 0 }, { type: 'hopping', size: 200, slide: 50, offset: 10 }, { type: 'hopping', size: 40, slide: 20, offset: 0 },
    { type: 'session', gap: 6 }, { type: 'count', size: 4 },
    { type: 'cumulate', step: 50, maxSize: 200, offset: 0 },
  );

  it('holds for every value family, including 1e9 and 1e12 offsets, with late data and revisions', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer(), fc.constantFrom(...VALUE_FAMILIES), windowArb, fc.integer({ min: 1, max: 200 }),
      async (seed, family, window, batchSize) => {
        const events = generateStream({ seed, events: 600, keys: 3, family, spacing: 2, tick: 1, bound: 20, lateFraction: 0.1, lateDelay: 100, missing: 0.1, startTime: 0 });
        const lateness = window.type === 'session' ? 101 : 30;
        const out = await compareWithDuckDb(db, events, window, aggregations, { keyed: true, bound: 20, lateness, batchSize });
        expect(out.differences).toEqual([]);
      },
    ), { numRuns: 40 });
  });
});
