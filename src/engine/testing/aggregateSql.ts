/**
 * Every aggregate function of the engine in SQL, over every window kind, for
 * DuckDB to compute what the engine's final results should be. Written from
 * the definitions (ARCHITECTURE.md and the accuracy notes in README.md), not
 * from the engine. The events are a table with columns i (arrival index), t
 * (event time, ms), k (key), v (DOUBLE, NULL when missing) and s (VARCHAR).
 *
 * Per aggregation the query gives the value to compare with (the exact one:
 * for approxCountDistinct the exact distinct count, for percentile the exact
 * value of the engine's rank) and, where a tolerance needs the scale of the
 * values, a `<name>__scale` column (see aggregateCompare).
 */
import type { AggregateFn } from '../../model';
import { sqlIdentifier, type SqlParam } from './duckdb';
import type { SqlQuery } from './windowSql';

/** One aggregation as the aggregate node states it, over v, s or the event time t. */
export interface OracleAggregation {
  readonly name: string;
  readonly fn: AggregateFn;
  readonly field?: 'v' | 's' | 't';
  readonly q?: number;
}

/** A window, durations in ms. Cumulate windows grow by `step` up to `maxSize` from a common start. */
export type OracleWindow =
  | { readonly type: 'tumbling'; readonly size: number; readonly offset: number }
  | { readonly type: 'hopping'; readonly size: number; readonly slide: number; readonly offset: number }
  | { readonly type: 'cumulate'; readonly step: number; readonly maxSize: number; readonly offset: number }
  | { readonly type: 'session'; readonly gap: number }
  | { readonly type: 'count'; readonly size: number };

export interface OracleQueryOptions {
  readonly keyed: boolean;
  /** The watermark bound: an event is judged against max(t of the events before it) - bound - 1. */
  readonly bound: number;
  readonly lateness: number;
}

/** `x mod m` with a non-negative remainder (SQL's `%` takes the sign of x). */
function positiveMod(x: string, m: string): string {
  return `(((${x}) % ${m}) + ${m}) % ${m}`;
}

/**
 * The SQL of one aggregation over the rows of a group, and of its scale
 * column. `m` names the column holding the group's mean of v (for the
 * two-pass variance). Parameters go into `params` as `$q<index>`.
 */
function aggregateSql(a: OracleAggregation, index: number, params: Record<string, SqlParam>): string {
  const out = sqlIdentifier(a.name);
  const scale = sqlIdentifier(`${a.name}__scale`);
  const x = a.field ?? 'v';
  const present = `FILTER (WHERE ${x} IS NOT NULL)`;
  switch (a.fn) {
    case 'count': return `count(*) AS ${out}`;
    case 'sum': return `sum(${x}) AS ${out}, sum(abs(${x})) AS ${scale}`;
    case 'avg': return `avg(${x}) AS ${out}, avg(abs(${x})) AS ${scale}`;
    case 'min': return `min(${x}) AS ${out}`;
    case 'max': return `max(${x}) AS ${out}`;
    // Two passes: the group's mean first (fsum's compensated sum, within an ulp), then the squared
    // deviations from it. An error e in the mean adds only n * e^2 to the sum of squares, so this is
    // exact to a few ulps where one-pass formulas (DuckDB's var_samp is Welford's) are not.
    case 'variance':
    case 'stddev': {
      const variance = `CASE WHEN count(${x}) >= 2 THEN sum((${x} - m_${x}) * (${x} - m_${x})) / (count(${x}) - 1) END`;
      return `${a.fn === 'stddev' ? `sqrt(${variance})` : variance} AS ${out}, max(abs(${x})) AS ${scale}`;
    }
    case 'countDistinct':
    case 'approxCountDistinct':
      return `count(DISTINCT ${x}) AS ${out}`;
    // The engine's rank: the value with floor(q * (n - 1)) values below it, 0-based (DuckDB's quantile_disc
    // takes ceil(q * n) - 1 instead, a different value for many q and n).
    case 'percentile': {
      params[`q${index}`] = a.q ?? 0.5;
      return `list_sort(list(${x}) ${present})[floor($q${index}::DOUBLE * (count(${x}) - 1))::BIGINT + 1] AS ${out}`;
    }
    // By event time; equal times: first keeps the earliest to arrive, last the latest.
    case 'first': return `arg_min(${x}, (t, i)) ${present} AS ${out}`;
    case 'last': return `arg_max(${x}, (t, i)) ${present} AS ${out}`;
  }
}

function aggregatesSql(aggregations: readonly OracleAggregation[], params: Record<string, SqlParam>): string {
  return aggregations.map((a, index) => aggregateSql(a, index, params)).join(', ');
}

/** The means of v over each group, for the two-pass variance; `partition` is the group's PARTITION BY list. */
function withMeans(from: string, partition: string): string {
  return `SELECT *, fsum(v) OVER (PARTITION BY ${partition}) / count(v) OVER (PARTITION BY ${partition}) AS m_v FROM ${from}`;
}

/** The windows each event belongs to (window_start, window_end), for the time-sliced kinds. */
function slicedWindows(window: Extract<OracleWindow, { type: 'tumbling' | 'hopping' | 'cumulate' }>, params: Record<string, SqlParam>): string {
  switch (window.type) {
    case 'tumbling':
      params['size'] = window.size;
      params['offset'] = window.offset;
      return `SELECT *, window_start + $size::BIGINT AS window_end
        FROM (SELECT *, t - ${positiveMod('t - $offset::BIGINT', '$size::BIGINT')} AS window_start FROM e)`;
    case 'hopping':
      // Every start s = offset (mod slide) with s <= t < s + size.
      params['size'] = window.size;
      params['slide'] = window.slide;
      params['offset'] = window.offset;
      return `SELECT *, window_start + $size::BIGINT AS window_end FROM (
          SELECT *, unnest(generate_series(latest_start - ($size::BIGINT // $slide::BIGINT + 1) * $slide::BIGINT, latest_start, $slide::BIGINT)) AS window_start
          FROM (SELECT *, t - ${positiveMod('t - $offset::BIGINT', '$slide::BIGINT')} AS latest_start FROM e))
        WHERE window_start <= t AND t < window_start + $size::BIGINT`;
    case 'cumulate':
      // DuckDB has no CUMULATE: the period [start, start + maxSize) holding t, and every end
      // start + j * step (j = 1 .. maxSize / step) after t.
      params['step'] = window.step;
      params['max_size'] = window.maxSize;
      params['offset'] = window.offset;
      return `SELECT * EXCLUDE (first_end), unnest(generate_series(first_end, window_start + $max_size::BIGINT, $step::BIGINT)) AS window_end FROM (
          SELECT *, window_start + ((t - window_start) // $step::BIGINT + 1) * $step::BIGINT AS first_end
          FROM (SELECT *, t - ${positiveMod('t - $offset::BIGINT', '$max_size::BIGINT')} AS window_start FROM e))`;
  }
}

/**
 * The final result of every window and key: for tumbling, hopping and
 * cumulate windows, over the events the window accepted, judged as
 * ARCHITECTURE.md says (an event is dropped by a window when end - 1 +
 * lateness <= wm, and revises it when end - 1 <= wm), with the revision
 * number of the last result; for sessions, over all events (the caller keeps
 * every session alive until no event can reach it); for count windows, every
 * `size` events of a key in arrival order (column `cw`, the window's number).
 * `late` lists the arrival indices of the events for the late port.
 */
export function oracleQueries(window: OracleWindow, aggregations: readonly OracleAggregation[], options: OracleQueryOptions): { results: SqlQuery; late: SqlQuery | null } {
  const params: Record<string, SqlParam> = {};
  const quantiles: Record<string, SqlParam> = {};
  const keyCols = options.keyed ? ', k' : '';
  const partitionKey = options.keyed ? 'PARTITION BY k ' : '';
  const aggregates = aggregatesSql(aggregations, quantiles);
  switch (window.type) {
    case 'session': {
      // Gaps and islands: a new session starts more than `gap` after the key's previous event.
      params['gap'] = window.gap;
      const sql = `WITH marked AS (
          SELECT *, CASE WHEN t - lag(t) OVER (${partitionKey}ORDER BY t) <= $gap::BIGINT THEN 0 ELSE 1 END AS opens FROM events),
        numbered AS (SELECT *, sum(opens) OVER (${partitionKey}ORDER BY t RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session FROM marked),
        g AS (${withMeans('numbered', `session${keyCols}`)})
        SELECT min(t) AS window_start, max(t) + $gap::BIGINT AS window_end${keyCols}, 0 AS revision, ${aggregates}
        FROM g GROUP BY session${keyCols}`;
      return { results: { sql, params: { ...params, ...quantiles } }, late: null };
    }
    case 'count': {
      params['size'] = window.size;
      const sql = `WITH numbered AS (SELECT *, (row_number() OVER (${partitionKey}ORDER BY i) - 1) // $size::BIGINT AS cw FROM events),
        g AS (${withMeans('numbered', `cw${keyCols}`)})
        SELECT cw, min(t) AS window_start, max(t) + 1 AS window_end${keyCols}, 0 AS revision, ${aggregates}
        FROM g GROUP BY cw${keyCols} HAVING count(*) = $size::BIGINT ORDER BY ${options.keyed ? 'k, ' : ''}cw`;
      return { results: { sql, params: { ...params, ...quantiles } }, late: null };
    }
    default: {
      params['bound'] = options.bound;
      params['lateness'] = options.lateness;
      const judged = `WITH e AS (
          SELECT *, max(t) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - $bound::BIGINT - 1 AS wm FROM events),
        w AS (${slicedWindows(window, params)}),
        judged AS (
          SELECT *, coalesce(window_end - 1 + $lateness::BIGINT <= wm, false) AS dropped, coalesce(window_end - 1 <= wm, false) AS after_firing FROM w)`;
      const results = `${judged},
        g AS (${withMeans('(SELECT * FROM judged WHERE NOT dropped)', `window_start, window_end${keyCols}`)})
        SELECT window_start, window_end${keyCols},
          count(*) FILTER (WHERE after_firing) + (CASE WHEN bool_or(NOT after_firing) THEN 1 ELSE 0 END) - 1 AS revision, ${aggregates}
        FROM g GROUP BY window_start, window_end${keyCols}`;
      // Late: no window takes the event, or it belongs to none (hopping with size < slide) and its own time is late.
      const late = `${judged},
        taken AS (SELECT i, count(*) AS windows, count(*) FILTER (WHERE NOT dropped) AS accepted FROM judged GROUP BY i)
        SELECT e.i FROM e LEFT JOIN taken USING (i)
        WHERE coalesce(taken.accepted, 0) = 0 AND (coalesce(taken.windows, 0) > 0 OR coalesce(e.t + $lateness::BIGINT <= e.wm, false))
        ORDER BY e.i`;
      return { results: { sql: results, params: { ...params, ...quantiles } }, late: { sql: late, params } };
    }
  }
}
