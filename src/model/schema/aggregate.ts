/** Params of the aggregate node: the list of aggregations it computes; built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { describeValue, quote } from '../text';
import { AGGREGATE } from '../kinds';
import { MAX_LIST_ENTRIES } from '../limits';
import { fieldNameSchema, reportRepeats, strict } from './common';
import { lazySchema, onDemand } from './onDemand';

export const AGGREGATE_FNS = [
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'variance',
  'stddev',
  'countDistinct',
  'approxCountDistinct',
  'percentile',
  'first',
  'last',
] as const;

/** Field rules: functions that read only number fields, and those that also order times (min, max); every other function but count reads a field of any type. The engine (planAggregations) and the editor (fnAccepts) both follow these. */
export const NUMBER_FNS: ReadonlySet<AggregateFn> = new Set<AggregateFn>(['sum', 'avg', 'variance', 'stddev', 'percentile']);
export const ORDERED_FNS: ReadonlySet<AggregateFn> = new Set<AggregateFn>(['min', 'max']);

/** Columns every windowed aggregate emits itself; an aggregation may not take their names. */
export const RESERVED_OUTPUT_FIELDS = ['window_start', 'window_end', 'revision'] as const;

const RESERVED: ReadonlySet<string> = new Set(RESERVED_OUTPUT_FIELDS);

const aggregationSpec = onDemand('aggregationSpec', () => strict({
  name: fieldNameSchema.describe('The output field.'),
  fn: z.enum(AGGREGATE_FNS).describe('The aggregate function.'),
  field: fieldNameSchema.optional().describe('The input field; required for every fn but count.'),
  q: z.number().gt(0).lt(1).optional().describe('The quantile, for percentile only: 0.5 is the median.'),
}).superRefine((spec, ctx) => {
  if (spec.fn !== 'count' && spec.field === undefined) {
    const message = `is required for fn ${quote(spec.fn)}`;
    ctx.addIssue({ code: 'custom', path: ['field'], input: undefined, message });
  }
  if (spec.fn === 'percentile' && spec.q === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['q'],
      input: undefined,
      message: "is required for fn 'percentile': a number between 0 and 1, like 0.95",
    });
  }
  if (spec.fn !== 'percentile' && spec.q !== undefined) {
    const message = `is only for fn 'percentile', not ${quote(spec.fn)}`;
    ctx.addIssue({ code: 'custom', path: ['q'], input: spec.q, message });
  }
}));
export const aggregationSpecSchema = z.lazy(aggregationSpec);

export const aggregateParamsSchema = lazySchema(AGGREGATE, () => strict({
  aggregations: z.array(aggregationSpec()).min(1).max(MAX_LIST_ENTRIES).describe('The aggregate fields each output row carries.'),
}).superRefine((params, ctx) => {
  const names = params.aggregations.map((spec) => spec.name);
  reportRepeats(names, ctx, (index) => ['aggregations', index, 'name'], (index) => `aggregations[${index}]`);
  names.forEach((name, index) => {
    if (!RESERVED.has(name)) return;
    ctx.addIssue({
      code: 'custom',
      path: ['aggregations', index, 'name'],
      input: name,
      message: `${describeValue(name)} is reserved for the output's own ${name} column; pick another name`,
    });
  });
}));

export type AggregateFn = (typeof AGGREGATE_FNS)[number];
export type AggregationSpec = z.output<typeof aggregationSpecSchema>;
export type AggregateParams = z.output<typeof aggregateParamsSchema>;
