/** Params of the contextual detector (in the style of CAD OSE); built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { DETECT_CONTEXTUAL } from '../kinds';
import { strict } from './common';
import { lazySchema } from './onDemand';
import { detectorBaseShape } from './detectorCommon';

export const contextualParamsSchema = lazySchema(DETECT_CONTEXTUAL, () => strict({
  ...detectorBaseShape().shape,
  threshold: z.number().min(0).max(1).default(0.5).describe('The anomaly score from which a record is anomalous.'),
}));

export type ContextualParams = z.output<typeof contextualParamsSchema>;
