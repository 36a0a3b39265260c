/**
 * One comparison of the engine with DuckDB for the aggregate oracle tests:
 * the same events through a pipeline and through aggregateSql, the engine's
 * final results (last revisions; standing sessions; count windows in order)
 * matched with DuckDB's and every value checked by aggregateCompare.
 */
import type { Row } from '../operators/sinks';
import { lastRevisions } from './rowSets';
import type { DuckDb } from './duckdb';
import { aggregateDifferences, numberCountWindows, standingSessions } from './aggregateCompare';
import { runEngine, type EngineRunOptions } from './aggregateRun';
import { oracleQueries, type OracleAggregation, type OracleWindow } from './aggregateSql';
import type { OracleEvent } from './aggregateStreams';

export interface OracleOutcome {
  /**
   * Everything that differs (empty when the engines agree): results, the
   * order of revisions, the events at the late port and the late count
   * (which must be 0 for sessions and count windows).
   */
  readonly differences: string[];
  readonly lateEvents: number;
  /** Windows (and keys) in DuckDB's result, and results the engine emitted in all (revisions included). */
  readonly windows: number;
  readonly emitted: number;
}

/** Loads `events` into DuckDB's table `events`. */
export async function loadEvents(db: DuckDb, events: readonly OracleEvent[]): Promise<void> {
  await db.load('events', [
    { name: 'i', type: 'BIGINT', values: events.map((e) => e.i) },
    { name: 't', type: 'BIGINT', values: events.map((e) => e.t) },
    { name: 'k', type: 'VARCHAR', values: events.map((e) => e.k) },
    { name: 'v', type: 'DOUBLE', values: events.map((e) => e.v) },
    { name: 's', type: 'VARCHAR', values: events.map((e) => e.s) },
  ]);
}

/** What DuckDB says the engine should produce for a stream and window. */
export interface OracleExpectation {
  /** One row per window (and key) with a column per aggregation (see aggregateSql). */
  readonly rows: Row[];
  /** Arrival indices of the events for the late port, or null where there is no late port to check (sessions, count windows). */
  readonly late: number[] | null;
}

/**
 * DuckDB's results for `aggregations` over `events`. The value of an
 * aggregation does not depend on what else is computed, so one query can
 * serve every subset of `aggregations` (see {@link compareWithExpectation}).
 */
export async function oracleExpectation(db: DuckDb, events: readonly OracleEvent[], window: OracleWindow, aggregations: readonly OracleAggregation[], options: EngineRunOptions): Promise<OracleExpectation> {
  await loadEvents(db, events);
  const queries = oracleQueries(window, aggregations, options);
  const rows = await db.query(queries.results.sql, queries.results.params);
  const late = queries.late === null ? null : (await db.query(queries.late.sql, queries.late.params)).map((r) => r['i'] as number);
  return { rows, late };
}

/** Runs `aggregations` (a subset of those `expected` was computed for) through the engine and compares. */
export function compareWithExpectation(events: readonly OracleEvent[], window: OracleWindow, aggregations: readonly OracleAggregation[], options: EngineRunOptions, expected: OracleExpectation): OracleOutcome {
  const run = runEngine(events, window, aggregations, options);
  const keys = options.keyed ? ['k'] : [];
  const differences: string[] = [];
  let actual: Row[];
  let identity: string[];
  switch (window.type) {
    case 'session':
      actual = standingSessions(run.results, keys);
      identity = ['window_start', 'window_end', ...keys];
      break;
    case 'count':
      actual = numberCountWindows(run.results, options.keyed);
      identity = ['cw', 'window_start', 'window_end', ...keys];
      break;
    default: {
      const final = lastRevisions(run.results, ['window_start', 'window_end', ...keys]);
      differences.push(...final.problems);
      actual = final.rows;
      identity = ['window_start', 'window_end', ...keys];
    }
  }
  differences.push(...aggregateDifferences(actual, expected.rows, aggregations, identity));
  if (expected.late !== null && JSON.stringify(run.late) !== JSON.stringify(expected.late)) {
    differences.push(`late port: ${JSON.stringify(run.late)} where the rules send ${JSON.stringify(expected.late)}`);
  }
  if (run.lateEvents !== (expected.late ?? []).length) differences.push(`${run.lateEvents} late events counted, ${(expected.late ?? []).length} expected`);
  return { differences, lateEvents: run.lateEvents, windows: expected.rows.length, emitted: run.results.length };
}

/** Runs the events through both engines and compares. Sessions need a lateness that keeps every session until nothing can reach it. */
export async function compareWithDuckDb(db: DuckDb, events: readonly OracleEvent[], window: OracleWindow, aggregations: readonly OracleAggregation[], options: EngineRunOptions): Promise<OracleOutcome> {
  return compareWithExpectation(events, window, aggregations, options, await oracleExpectation(db, events, window, aggregations, options));
}
