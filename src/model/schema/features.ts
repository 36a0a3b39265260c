/** Params of the feature transforms: clean and rolling; each built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { TRANSFORM_CLEAN, TRANSFORM_ROLLING } from '../kinds';
import { MAX_LIST_ENTRIES } from '../limits';
import { fieldNameSchema, positiveDurationSchema, reportRepeats, strict } from './common';
import { lazySchema } from './onDemand';

export const MISSING_VALUE_RULES = ['drop', 'forwardFill', 'interpolate', 'constant'] as const;

export const cleanParamsSchema = lazySchema(TRANSFORM_CLEAN, () => strict({
  fields: z.array(fieldNameSchema).min(1).max(MAX_LIST_ENTRIES).describe('The numeric fields to clean.'),
  missing: z.enum(MISSING_VALUE_RULES).default('drop').describe('What to do with a missing value: drop the record, fill forward, interpolate linearly in event time, or use a constant.'),
  constant: z.number().optional().describe('The value a missing one becomes, for missing: constant.'),
  maxWait: positiveDurationSchema.default('1m').describe('For missing: interpolate, how far the watermark may pass a waiting record before it goes out filled forward.'),
  min: z.number().optional().describe('Values below this are clipped to it.'),
  max: z.number().optional().describe('Values above this are clipped to it.'),
  resample: positiveDurationSchema.optional().describe('Emit one record per key every this much event time, gaps filled by the missing-value rule.'),
}).superRefine((p, ctx) => {
  reportRepeats(p.fields, ctx, (i) => ['fields', i], (i) => `fields[${i}]`);
  if (p.missing === 'constant' && p.constant === undefined) ctx.addIssue({ code: 'custom', path: ['constant'], input: undefined, message: "is required for missing 'constant'" });
  if (p.min !== undefined && p.max !== undefined && p.min > p.max) ctx.addIssue({ code: 'custom', path: ['max'], input: p.max, message: `is below min ${p.min}` });
}));

export const ROLLING_FNS = ['mean', 'stddev', 'min', 'max', 'median', 'quantile', 'ewma', 'rateOfChange', 'lag', 'diff'] as const;

const rollingFeature = strict({
  name: fieldNameSchema.describe('The field the feature is written to.'),
  fn: z.enum(ROLLING_FNS).describe('What the feature computes over the rolling window.'),
  q: z.number().gt(0).lt(1).optional().describe('The quantile, for fn quantile: 0.9 is the 90th percentile.'),
  alpha: z.number().gt(0).max(1).optional().describe('The weight of the newest record, for fn ewma (0.3 when absent).'),
}).superRefine((f, ctx) => {
  if (f.fn === 'quantile' && f.q === undefined) ctx.addIssue({ code: 'custom', path: ['q'], input: undefined, message: "is required for fn 'quantile': a number between 0 and 1, like 0.9" });
  if (f.fn !== 'quantile' && f.q !== undefined) ctx.addIssue({ code: 'custom', path: ['q'], input: f.q, message: `is only for fn 'quantile', not '${f.fn}'` });
  if (f.fn !== 'ewma' && f.alpha !== undefined) ctx.addIssue({ code: 'custom', path: ['alpha'], input: f.alpha, message: `is only for fn 'ewma', not '${f.fn}'` });
});

export const rollingParamsSchema = lazySchema(TRANSFORM_ROLLING, () => strict({
  field: fieldNameSchema.describe('The numeric field the features are computed over.'),
  count: z.int().min(1).max(1_000_000).optional().describe('The window: the last this many records per key.'),
  duration: positiveDurationSchema.optional().describe('The window: the last this much event time per key.'),
  features: z.array(rollingFeature).min(1).max(MAX_LIST_ENTRIES).describe('The features each record gains.'),
}).superRefine((p, ctx) => {
  if ((p.count === undefined) === (p.duration === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['count'], input: p.count, message: 'give the window as exactly one of count or duration' });
  }
  reportRepeats(p.features.map((f) => f.name), ctx, (i) => ['features', i, 'name'], (i) => `features[${i}]`);
}));

export type CleanParams = z.output<typeof cleanParamsSchema>;
export type RollingParams = z.output<typeof rollingParamsSchema>;
export type RollingFeature = RollingParams['features'][number];
export type MissingValueRule = (typeof MISSING_VALUE_RULES)[number];
