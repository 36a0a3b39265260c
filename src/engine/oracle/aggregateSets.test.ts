import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type DuckDb } from '../testing/duckdb';
import { compareWithExpectation, oracleExpectation } from '../testing/aggregateOracle';
import { everyAggregation, overNumbers, overStrings, overTimes, WINDOWS_OF_EACH_KIND } from '../testing/aggregatePool';
import type { OracleAggregation, OracleWindow } from '../testing/aggregateSql';
import { generateStream, type StreamSpec, type ValueFamily } from '../testing/aggregateStreams';

/**
 * The window operators pick fast paths by the set of aggregations (direct
 * folding for count/sum/min/max of one field, staged kernels, complex parts
 * for distinct sets, sketches and first/last), so every function is checked
 * against DuckDB alone, in every pair, and all together, on every window
 * kind, over a stream with out-of-order and late events, revisions, equal
 * event times, negative values, zeros and missing values.
 *
 * The streams come from fixed seeds so that a failure names a case that
 * replays; aggregateProperty.test.ts draws streams, windows and sets at random.
 */

let db: DuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  // The machine is shared: one thread each keeps the suite from crowding it.
  await db.query('SET threads = 1');
});
afterAll(() => db.close());

const BOUND = 20;
const LATE_DELAY = 400;

function stream(family: ValueFamily, seed: number, events = 500): StreamSpec {
  return { seed, events, keys: 3, family, spacing: 2, tick: 5, bound: BOUND, lateFraction: 0.1, lateDelay: LATE_DELAY, missing: 0.15, startTime: 1_700_000_000_000 };
}

/** Sessions keep every session until no event can reach it (lateness beyond the longest delay); the others drop some. */
function latenessFor(window: OracleWindow): number {
  return window.type === 'session' ? LATE_DELAY + 1 : 40;
}

/**
 * Runs every set on `window` over the stream, each through the engine and all against one DuckDB query
 * computing every aggregation; returns the differences by set (empty when all agree) and what the runs covered.
 */
async function checkSets(window: OracleWindow, sets: readonly (readonly OracleAggregation[])[], family: ValueFamily, seed: number, length = 500) {
  const events = generateStream(stream(family, seed, length));
  const options = { keyed: true, bound: BOUND, lateness: latenessFor(window), batchSize: 64 };
  const expected = await oracleExpectation(db, events, window, [...new Map(sets.flat().map((a) => [a.name, a])).values()], options);
  const failures: Record<string, string[]> = {};
  let revisions = 0;
  let late = 0;
  for (const set of sets) {
    const out = compareWithExpectation(events, window, set, options, expected);
    if (out.differences.length > 0) failures[set.map((a) => a.name).join(' + ')] = out.differences;
    revisions = out.emitted - out.windows;
    late = out.lateEvents;
  }
  return { failures, windows: expected.rows.length, revisions, late };
}

const numbers = overNumbers();
const singles = [...numbers, ...overStrings(), ...overTimes()];
// Pairs of functions (over v); the string field's functions join them in the all-together sets.
const pairs = numbers.flatMap((a, i) => numbers.slice(i + 1).map((b) => [a, b]));

describe('every aggregate function against DuckDB, alone, in pairs and all together', () => {
  for (const window of WINDOWS_OF_EACH_KIND) {
    describe(`${window.type} windows`, () => {
      it('agrees for each function alone', async () => {
        const r = await checkSets(window, singles.map((a) => [a]), 'signed', 1);
        expect(r.failures).toEqual({});
        expect(r.windows).toBeGreaterThan(30);
        if (window.type !== 'session' && window.type !== 'count') {
          expect(r.revisions).toBeGreaterThan(0);
          expect(r.late).toBeGreaterThan(0);
        }
      });

      it(`agrees for each of the ${pairs.length} pairs`, async () => {
        const r = await checkSets(window, pairs, 'signed', 2, 300);
        expect(r.failures).toEqual({});
      });

      for (const family of ['plain', 'signed', 'tiny'] as const) {
        it(`agrees for all ${everyAggregation().length} aggregations together, ${family} values`, async () => {
          const r = await checkSets(window, [everyAggregation()], family, 3);
          expect(r.failures).toEqual({});
        });
      }
    });
  }
});
