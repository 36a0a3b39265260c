/** Params of the contextual detector (in the style of CAD OSE); built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { DETECT_CONTEXTUAL } from '../kinds';
import { strict } from './common';
import { lazySchema } from './onDemand';
import { detectorBaseShape } from './detectorCommon';

export const contextualParamsSchema = lazySchema(DETECT_CONTEXTUAL, () => strict({
  ...detectorBaseShape().shape,
  // Longer than the other detectors' warm-up: its values also set the value range (see engine/detect/contextual/bands.ts).
  warmup: z.int().min(0).max(1_000_000).default(750).describe('How many records per key the detector learns from before it may call one anomalous; their lowest and highest values set the value range it cuts into bands.'),
  threshold: z.number().min(0).max(1).default(0.75).describe('The anomaly score from which a record is anomalous.'),
  bits: z.int().min(1).max(6).default(3).describe('The learnt value range is cut into 2^bits bands; a value is known by its band.'),
  rangeMargin: z.number().min(0).max(10).default(0).describe('How far the range learnt in warm-up is widened on each side, as a share of its width; values beyond it fall in bands of their own.'),
  restPeriod: z.int().min(0).max(1_000_000).default(150).describe('After a raw score reaches the rest threshold, how many records score 0, so that one anomaly is one alarm.'),
  restThreshold: z.number().min(0).max(1).default(0.75).describe('The raw score that starts a rest period.'),
  activeContexts: z.int().min(1).max(100).default(15).describe('How many of the contexts that predicted a record carry over as context for the next one.'),
  contextFacts: z.int().min(1).max(100).default(7).describe('The most facts a learnt sub-context may have on its left side; larger learns longer patterns but more slowly.'),
}));

export type ContextualParams = z.output<typeof contextualParamsSchema>;
