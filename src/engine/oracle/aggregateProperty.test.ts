import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type DuckDb } from '../testing/duckdb';
import { compareWithDuckDb } from '../testing/aggregateOracle';
import { everyAggregation } from '../testing/aggregatePool';
import type { OracleAggregation, OracleWindow } from '../testing/aggregateSql';
import { generateStream, VALUE_FAMILIES, type StreamSpec } from '../testing/aggregateStreams';

/**
 * Random subsets of the aggregations x every window kind x random streams
 * (value family, keys, out-of-orderness, late events, equal times, missing
 * values), batch cuts and allowed lateness: the engine's final results must
 * be DuckDB's, each function within its stated accuracy, and the late port
 * must carry exactly the events the rules call late.
 */

let db: DuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  await db.query('SET threads = 1');
});
afterAll(() => db.close());

const streamArb: fc.Arbitrary<StreamSpec> = fc.record({
  seed: fc.integer(),
  events: fc.integer({ min: 30, max: 700 }),
  keys: fc.integer({ min: 1, max: 6 }),
  family: fc.constantFrom(...VALUE_FAMILIES),
  spacing: fc.integer({ min: 1, max: 20 }),
  tick: fc.constantFrom(1, 3, 10, 50),
  bound: fc.integer({ min: 1, max: 300 }),
  lateFraction: fc.double({ min: 0, max: 0.3, noNaN: true }),
  lateDelay: fc.integer({ min: 0, max: 1000 }),
  missing: fc.constantFrom(0, 0.1, 0.5, 0.95),
  startTime: fc.oneof(fc.integer({ min: -20_000, max: 20_000 }), fc.constant(1_700_000_000_000)),
});

/** A whole offset strictly inside (-limit, limit), as the model requires. */
const offsetWithin = (limit: number, raw: number): number => (limit <= 1 ? 0 : raw % limit);

const windowArb: fc.Arbitrary<OracleWindow> = fc.oneof(
  fc.record({ size: fc.integer({ min: 1, max: 500 }), offset: fc.integer() })
    .map(({ size, offset }) => ({ type: 'tumbling' as const, size, offset: offsetWithin(size, offset) })),
  // Sizes from below the slide (gaps between windows) to six slides.
  fc.record({ slide: fc.integer({ min: 1, max: 300 }), slides: fc.double({ min: 0.1, max: 6, noNaN: true }), offset: fc.integer() })
    .map(({ slide, slides, offset }) => ({ type: 'hopping' as const, size: Math.max(1, Math.round(slide * slides)), slide, offset: offsetWithin(slide, offset) })),
  fc.integer({ min: 1, max: 150 }).map((gap) => ({ type: 'session' as const, gap })),
  fc.integer({ min: 1, max: 40 }).map((size) => ({ type: 'count' as const, size })),
  fc.record({ step: fc.integer({ min: 1, max: 200 }), steps: fc.integer({ min: 1, max: 8 }), offset: fc.integer() })
    .map(({ step, steps, offset }) => ({ type: 'cumulate' as const, step, maxSize: step * steps, offset: offsetWithin(step * steps, offset) })),
);

/** A non-empty subset of every aggregation, percentiles at random ranks. */
const aggregationsArb: fc.Arbitrary<OracleAggregation[]> = fc.record({
  set: fc.subarray(everyAggregation(), { minLength: 1 }),
  q: fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 3, maxLength: 3 }),
}).map(({ set, q }) => {
  let p = 0;
  return set.map((a) => (a.fn === 'percentile' ? { ...a, q: q[p++]! } : a));
});

describe('random sets of aggregations on random windows and streams, against DuckDB', () => {
  it('gives DuckDB\'s final results and late events for any set, window kind, stream, lateness and batch cut', async () => {
    await fc.assert(fc.asyncProperty(
      streamArb, windowArb, aggregationsArb, fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 500 }), fc.boolean(),
      async (spec, window, chosen, lateness, batchSize, keyed) => {
        const aggregations: OracleAggregation[] = chosen;
        // Sessions: a lateness beyond the longest delay past the bound keeps every session until nothing can reach it.
        const allowed = window.type === 'session' ? spec.lateDelay + 1 : lateness;
        const events = generateStream(spec);
        const out = await compareWithDuckDb(db, events, window, aggregations, { keyed, bound: spec.bound, lateness: allowed, batchSize });
        expect(out.differences).toEqual([]);
      },
    ), { numRuns: 120 });
  });
});
