/** Params of the threshold and change-point detectors; each built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { DETECT_CHANGEPOINT, DETECT_THRESHOLD } from '../kinds';
import { strict } from './common';
import { lazySchema } from './onDemand';
import { detectorBaseShape } from './detectorCommon';

export const thresholdParamsSchema = lazySchema(DETECT_THRESHOLD, () => strict({
  ...detectorBaseShape().shape,
  mode: z.enum(['fixed', 'quantile']).default('fixed').describe('fixed: the bounds min and max; quantile: bounds at rolling quantiles of the latest values per key.'),
  min: z.number().optional().describe('Fixed mode: values below this are anomalous.'),
  max: z.number().optional().describe('Fixed mode: values above this are anomalous.'),
  window: z.int().min(2).max(100_000).default(500).describe('Quantile mode: how many of the latest values per key the quantiles cover.'),
  lower: z.number().min(0).max(1).default(0.01).describe('Quantile mode: the quantile under which a value is anomalous.'),
  upper: z.number().min(0).max(1).default(0.99).describe('Quantile mode: the quantile over which a value is anomalous.'),
}).superRefine((params, ctx) => {
  if (params.mode === 'fixed' && params.min === undefined && params.max === undefined) {
    ctx.addIssue({ code: 'custom', path: ['max'], input: undefined, message: "fixed mode needs min, max or both: a bound to test values against" });
  }
  if (params.min !== undefined && params.max !== undefined && !(params.min < params.max)) {
    ctx.addIssue({ code: 'custom', path: ['max'], input: params.max, message: `must be above min (${params.min})` });
  }
  if (!(params.lower < params.upper)) {
    ctx.addIssue({ code: 'custom', path: ['upper'], input: params.upper, message: `must be above lower (${params.lower})` });
  }
}));

export const changepointParamsSchema = lazySchema(DETECT_CHANGEPOINT, () => strict({
  ...detectorBaseShape().shape,
  method: z.enum(['cusum', 'pageHinkley']).default('cusum').describe('cusum: deviations from the level learned at the start of each regime; pageHinkley: deviations from the running mean of the regime.'),
  drift: z.number().min(0).max(100).default(0.5).describe('The slack, in standard deviations, that deviations must exceed before they add up.'),
  threshold: z.number().gt(0).max(1_000_000).default(5).describe('How large the cumulative sum, in standard deviations, must grow to signal a change.'),
  relearn: z.int().min(2).max(100_000).default(30).describe('How many values of each regime (the first ones, and those after a detected change) the detector learns the level from before it tests.'),
}));

export type ThresholdParams = z.output<typeof thresholdParamsSchema>;
export type ChangepointParams = z.output<typeof changepointParamsSchema>;
