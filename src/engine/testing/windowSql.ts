/**
 * Window aggregations written in SQL straight from the definitions in
 * ARCHITECTURE.md, for DuckDB to compute what the engine should produce once
 * every event is known. They share nothing with the engine but the definitions.
 */
import { sqlIdentifier, type SqlParam } from './duckdb';

/** The aggregations every oracle pipeline computes, as the `aggregate` node names them. */
export const ORACLE_AGGREGATIONS = [
  { name: 'n', fn: 'count' },
  { name: 'total', fn: 'sum' },
  { name: 'mean', fn: 'avg' },
  { name: 'low', fn: 'min' },
  { name: 'high', fn: 'max' },
] as const;

/** Output columns the engine computes by summation, where the order of additions may differ. */
export const SUMMED_COLUMNS = ['total', 'mean'] as const;

/** The window of a query, durations in ms. */
export type SqlWindow =
  | { readonly type: 'tumbling'; readonly size: number; readonly offset: number }
  | { readonly type: 'hopping'; readonly size: number; readonly slide: number; readonly offset: number }
  | { readonly type: 'session'; readonly gap: number };

/** Where the events are: a table with an event-time column `t` (BIGINT, epoch ms), the key columns and the value column. */
export interface WindowSqlInput {
  readonly table: string;
  readonly keys: readonly string[];
  readonly value: string;
}

/** A query and its parameters. */
export interface SqlQuery {
  readonly sql: string;
  readonly params: Record<string, SqlParam>;
}

/** `x mod m` with a non-negative remainder (SQL's `%` takes the sign of x). */
function positiveMod(x: string, m: string): string {
  return `(((${x}) % ${m}) + ${m}) % ${m}`;
}

/**
 * The windowed count, sum, avg, min and max of `input.value` per window and
 * key, with columns window_start, window_end, the keys, n, total, mean, low,
 * high and revision (always 0: a batch result is final).
 */
export function windowAggregateSql(input: WindowSqlInput, window: SqlWindow): SqlQuery {
  const keys = input.keys.map((k) => `, ${sqlIdentifier(k)}`).join('');
  const partition = input.keys.length === 0 ? '' : `PARTITION BY ${input.keys.map(sqlIdentifier).join(', ')} `;
  const events = `SELECT t${keys}, ${sqlIdentifier(input.value)}::DOUBLE AS v FROM ${sqlIdentifier(input.table)}`;
  const aggregates = 'count(*) AS n, sum(v) AS total, avg(v) AS mean, min(v) AS low, max(v) AS high, 0 AS revision';
  switch (window.type) {
    case 'tumbling':
      return {
        sql: `WITH e AS (${events}),
          assigned AS (SELECT *, t - ${positiveMod('t - $offset::BIGINT', '$size::BIGINT')} AS window_start FROM e)
          SELECT window_start, window_start + $size::BIGINT AS window_end${keys}, ${aggregates}
          FROM assigned GROUP BY window_start${keys}`,
        params: { size: window.size, offset: window.offset },
      };
    case 'hopping':
      // Every start s with s = offset (mod slide) and s <= t < s + size: candidates from the latest
      // such start back past t - size, kept by the definition itself.
      return {
        sql: `WITH e AS (${events}),
          latest AS (SELECT *, t - ${positiveMod('t - $offset::BIGINT', '$slide::BIGINT')} AS latest_start FROM e),
          candidates AS (
            SELECT *, unnest(generate_series(latest_start - ($size::BIGINT // $slide::BIGINT + 1) * $slide::BIGINT, latest_start, $slide::BIGINT)) AS window_start
            FROM latest)
          SELECT window_start, window_start + $size::BIGINT AS window_end${keys}, ${aggregates}
          FROM candidates WHERE window_start <= t AND t < window_start + $size::BIGINT GROUP BY window_start${keys}`,
        params: { size: window.size, slide: window.slide, offset: window.offset },
      };
    case 'session':
      // Gaps and islands: an event opens a new session when it is more than `gap` after the key's
      // previous event (exactly `gap` apart still touch). The RANGE frame gives events with equal
      // times the same session number whatever order the two window functions put them in.
      return {
        sql: `WITH e AS (${events}),
          marked AS (
            SELECT *, CASE WHEN t - lag(t) OVER (${partition}ORDER BY t) <= $gap::BIGINT THEN 0 ELSE 1 END AS opens FROM e),
          numbered AS (
            SELECT *, sum(opens) OVER (${partition}ORDER BY t RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session FROM marked)
          SELECT min(t) AS window_start, max(t) + $gap::BIGINT AS window_end${keys}, ${aggregates}
          FROM numbered GROUP BY session${keys}`,
        params: { gap: window.gap },
      };
  }
}

/** The watermark bound and allowed lateness of {@link lateWindowSql}, in ms. */
export interface Lateness {
  readonly bound: number;
  readonly lateness: number;
}

/**
 * Tumbling and hopping windows with late data, in SQL from the rules of
 * ARCHITECTURE.md. The table also needs `i`, the arrival order. Each event is
 * judged against the watermark the events before it left, wm = max(t) - bound
 * - 1; a window takes it unless end - 1 + lateness <= wm; it fired before the
 * event when end - 1 <= wm. A window and key then emit once when the
 * watermark passes (if any event came before that) and once more per event
 * taken after it, so its last revision is that count - 1.
 *
 * `results` gives the last revision of each window and key (columns as in
 * {@link windowAggregateSql}, revision included); `late` gives the events for
 * the `late` port (i, t and the value as v), in arrival order: those no window
 * takes, or that belong to no window (size < slide) and whose own time is late.
 */
export function lateWindowSql(input: WindowSqlInput, window: Extract<SqlWindow, { type: 'tumbling' | 'hopping' }>, late: Lateness): { results: SqlQuery; late: SqlQuery } {
  const slide = window.type === 'tumbling' ? window.size : window.slide;
  const keys = input.keys.map((k) => `, ${sqlIdentifier(k)}`).join('');
  const judged = `WITH e AS (
      SELECT i, t${keys}, ${sqlIdentifier(input.value)}::DOUBLE AS v,
        max(t) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - $bound::BIGINT - 1 AS wm
      FROM ${sqlIdentifier(input.table)}),
    candidates AS (
      SELECT *, unnest(generate_series(latest_start - ($size::BIGINT // $slide::BIGINT + 1) * $slide::BIGINT, latest_start, $slide::BIGINT)) AS window_start
      FROM (SELECT *, t - ${positiveMod('t - $offset::BIGINT', '$slide::BIGINT')} AS latest_start FROM e)),
    judged AS (
      SELECT *, window_start + $size::BIGINT AS window_end,
        coalesce(window_start + $size::BIGINT - 1 + $lateness::BIGINT <= wm, false) AS dropped,
        coalesce(window_start + $size::BIGINT - 1 <= wm, false) AS after_firing
      FROM candidates WHERE window_start <= t AND t < window_start + $size::BIGINT)`;
  const params = { size: window.size, slide, offset: window.offset, bound: late.bound, lateness: late.lateness };
  return {
    results: {
      sql: `${judged}
        SELECT window_start, window_end${keys}, count(*) AS n, sum(v) AS total, avg(v) AS mean, min(v) AS low, max(v) AS high,
          count(*) FILTER (WHERE after_firing) + (CASE WHEN bool_or(NOT after_firing) THEN 1 ELSE 0 END) - 1 AS revision
        FROM judged WHERE NOT dropped GROUP BY window_start, window_end${keys}`,
      params,
    },
    late: {
      sql: `${judged},
        taken AS (SELECT i, count(*) AS windows, count(*) FILTER (WHERE NOT dropped) AS accepted FROM judged GROUP BY i)
        SELECT e.i, e.t, e.v FROM e LEFT JOIN taken USING (i)
        WHERE coalesce(taken.accepted, 0) = 0 AND (coalesce(taken.windows, 0) > 0 OR coalesce(e.t + $lateness::BIGINT <= e.wm, false))
        ORDER BY e.i`,
      params,
    },
  };
}
