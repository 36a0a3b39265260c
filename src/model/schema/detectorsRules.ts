/** Params of the threshold and change-point detectors; each built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { DETECT_CHANGEPOINT, DETECT_THRESHOLD } from '../kinds';
import { strict } from './common';
import { lazySchema } from './onDemand';
import { detectorBaseShape } from './detectorCommon';

export const thresholdParamsSchema = lazySchema(DETECT_THRESHOLD, () => strict({
  ...detectorBaseShape().shape,
  mode: z.enum(['fixed', 'quantile']).default('fixed').describe('fixed: the bounds below; quantile: bounds at rolling quantiles of the latest records.'),
  min: z.number().optional().describe('Fixed mode: values below this are anomalous.'),
  max: z.number().optional().describe('Fixed mode: values above this are anomalous.'),
  window: z.int().min(2).max(100_000).default(500).describe('Quantile mode: how many of the latest records per key the quantiles cover.'),
  lower: z.number().min(0).max(1).default(0.01).describe('Quantile mode: the quantile under which a value is anomalous.'),
  upper: z.number().min(0).max(1).default(0.99).describe('Quantile mode: the quantile over which a value is anomalous.'),
}));

export const changepointParamsSchema = lazySchema(DETECT_CHANGEPOINT, () => strict({
  ...detectorBaseShape().shape,
  method: z.enum(['cusum', 'pageHinkley']).default('cusum').describe('cusum: cumulative sums of deviations; pageHinkley: the Page-Hinkley test.'),
  drift: z.number().min(0).default(0.5).describe('The slack, in standard deviations, that deviations must exceed before they add up.'),
  threshold: z.number().gt(0).default(5).describe('How large the cumulative sum, in standard deviations, must grow to signal a change.'),
}));

export type ThresholdParams = z.output<typeof thresholdParamsSchema>;
export type ChangepointParams = z.output<typeof changepointParamsSchema>;
