/**
 * Our aggregate functions in Flink SQL, with the Flink type of each result
 * and where Flink's meaning differs:
 * - count: COUNT(*) (COUNT(field) with a field: rows where it is present);
 *   countDistinct: COUNT(DISTINCT field).
 * - sum, min, max: SUM, MIN, MAX of the field, keeping its type.
 * - avg, variance, stddev: AVG, VAR_SAMP, STDDEV_SAMP over the field cast to
 *   DOUBLE (AVG and VAR_SAMP of an integer column are integers in Flink);
 *   our variance is the sample variance (n - 1, engine aggregate/moments.ts).
 * - approxCountDistinct: Flink 2.2 has APPROX_COUNT_DISTINCT in batch mode
 *   only ("does not support yet for streaming"), so the script counts
 *   exactly with COUNT(DISTINCT) and says so ('differs').
 * - percentile: PERCENTILE(field, q), exact in Flink where ours is a sketch.
 * - first, last: FIRST_VALUE, LAST_VALUE, in arrival order in Flink where
 *   ours take the earliest and latest event time.
 */
import type { AggregationSpec } from '../model';
import { ident } from './identifiers';
import type { Column } from './relation';

export interface AggregateSql {
  /** The select item, `FN(...) AS name`. */
  readonly sql: string;
  readonly column: Column;
  /** Where Flink's result differs from ours. */
  readonly differs: string | null;
}

/** `spec` over input columns `columns` (the model and compile checked the field exists and fits). */
export function aggregateSql(spec: AggregationSpec, columns: readonly Column[]): AggregateSql {
  const field = spec.field === undefined ? undefined : columns.find((c) => c.name === spec.field);
  const arg = field === undefined ? '*' : ident(field.name);
  const asDouble = `CAST(${arg} AS DOUBLE)`;
  const out = (fn: string, type: Column['type'], flinkType: string, differs: string | null = null): AggregateSql => ({
    sql: `${fn} AS ${ident(spec.name)}`, column: { name: spec.name, type, flinkType }, differs,
  });
  const same = field ?? { type: 'number' as const, flinkType: 'DOUBLE' };
  switch (spec.fn) {
    case 'count': return out(`COUNT(${arg})`, 'number', 'BIGINT');
    case 'countDistinct': return out(`COUNT(DISTINCT ${arg})`, 'number', 'BIGINT');
    case 'approxCountDistinct':
      return out(`COUNT(DISTINCT ${arg})`, 'number', 'BIGINT',
        'counted exactly with COUNT(DISTINCT): Flink 2.2 offers APPROX_COUNT_DISTINCT in batch mode only; ours is a HyperLogLog estimate');
    case 'sum': return out(`SUM(${arg})`, 'number', same.flinkType);
    case 'min': return out(`MIN(${arg})`, same.type, same.flinkType);
    case 'max': return out(`MAX(${arg})`, same.type, same.flinkType);
    case 'avg': return out(`AVG(${asDouble})`, 'number', 'DOUBLE');
    case 'variance': return out(`VAR_SAMP(${asDouble})`, 'number', 'DOUBLE');
    case 'stddev': return out(`STDDEV_SAMP(${asDouble})`, 'number', 'DOUBLE');
    case 'percentile':
      return out(`PERCENTILE(${asDouble}, ${spec.q ?? 0.5})`, 'number', 'DOUBLE',
        `PERCENTILE is exact in Flink; ours is a sketch (relative error about 1%)`);
    case 'first':
      return out(`FIRST_VALUE(${arg})`, same.type, same.flinkType,
        'FIRST_VALUE takes the first row to arrive in Flink; ours takes the earliest event time');
    case 'last':
      return out(`LAST_VALUE(${arg})`, same.type, same.flinkType,
        'LAST_VALUE takes the last row to arrive in Flink; ours takes the latest event time');
  }
}
