/**
 * The aggregations and windows the aggregate oracle tests draw from: every
 * function of the model's list over the number field v, the ones a string
 * field allows over s, and a window of each kind.
 */
import { AGGREGATE_FNS, type AggregateFn } from '../../model';
import type { OracleAggregation, OracleWindow } from './aggregateSql';

/** One aggregation of each function over v (percentile at `q`), named after the function. */
export function overNumbers(q = 0.9): OracleAggregation[] {
  return AGGREGATE_FNS.map((fn): OracleAggregation => (fn === 'count' ? { name: 'n', fn } : fn === 'percentile' ? { name: fn, fn, field: 'v', q } : { name: fn, fn, field: 'v' }));
}

/** The functions a string field takes (distinct counts, first and last), over s, named <fn>_s. */
export const STRING_FNS: readonly AggregateFn[] = ['countDistinct', 'approxCountDistinct', 'first', 'last'];

export function overStrings(): OracleAggregation[] {
  return STRING_FNS.map((fn) => ({ name: `${fn}_s`, fn, field: 's' }));
}

/** The functions the event-time field (type time) takes, over t, named <fn>_t. */
export function overTimes(): OracleAggregation[] {
  return (['min', 'max', 'countDistinct', 'approxCountDistinct'] as const).map((fn) => ({ name: `${fn}_t`, fn, field: 't' }));
}

/** Every aggregation at once: each function over v, percentiles at three ranks, the string ones over s and the time ones over t. */
export function everyAggregation(): OracleAggregation[] {
  return [
    ...overNumbers(0.5),
    { name: 'p01', fn: 'percentile', field: 'v', q: 0.01 },
    { name: 'p99', fn: 'percentile', field: 'v', q: 0.99 },
    ...overStrings(),
    ...overTimes(),
  ];
}

/** A window of each kind for the fixed cases, sized for event spacings of a few ms. */
export const WINDOWS_OF_EACH_KIND: readonly OracleWindow[] = [
  { type: 'tumbling', size: 100, offset: 30 },
  { type: 'hopping', size: 150, slide: 50, offset: -20 },
  { type: 'session', gap: 12 },
  { type: 'count', size: 5 },
  { type: 'cumulate', step: 40, maxSize: 160, offset: 10 },
];
