/**
 * Params of the statistical detectors: z-score, EWMA and MAD/IQR; each built
 * at its first use (./onDemand.ts). They run in engine/detect/ (zscore.ts,
 * ewma.ts, mad.ts); records are scored in arrival order per key.
 */
import * as z from 'zod';
import { DETECT_EWMA, DETECT_MAD, DETECT_ZSCORE } from '../kinds';
import { strict } from './common';
import { lazySchema } from './onDemand';
import { detectorBaseShape } from './detectorCommon';

export const zscoreParamsSchema = lazySchema(DETECT_ZSCORE, () => strict({
  ...detectorBaseShape().shape,
  window: z.int().min(2).max(1_000_000).default(100).describe('How many of the latest records per key the rolling mean and standard deviation cover.'),
  sigmas: z.number().gt(0).max(100).default(3).describe('How many standard deviations from the rolling mean make a record anomalous.'),
}));

export const ewmaParamsSchema = lazySchema(DETECT_EWMA, () => strict({
  ...detectorBaseShape().shape,
  alpha: z.number().gt(0).max(1).default(0.05).describe('The weight of the newest record in the exponentially weighted mean and variance.'),
  sigmas: z.number().gt(0).max(100).default(3).describe('How many weighted standard deviations from the weighted mean make a record anomalous.'),
}));

export const madParamsSchema = lazySchema(DETECT_MAD, () => strict({
  ...detectorBaseShape().shape,
  // A sorted window moves up to `window` values per record: 10,000 keeps that to microseconds.
  window: z.int().min(3).max(10_000).default(100).describe('How many of the latest records per key the rolling median and quantiles cover.'),
  method: z.enum(['mad', 'iqr']).default('mad').describe('mad: distance from the median in median absolute deviations; iqr: distance outside the quartiles in interquartile ranges.'),
  limit: z.number().gt(0).max(100).default(3.5).describe('How far away makes a record anomalous: in robust standard deviations (1.4826 MAD) for mad, in IQRs beyond the quartiles for iqr.'),
}));

export type ZscoreParams = z.output<typeof zscoreParamsSchema>;
export type EwmaParams = z.output<typeof ewmaParamsSchema>;
export type MadParams = z.output<typeof madParamsSchema>;
