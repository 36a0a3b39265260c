/**
 * Params every detector shares: the numeric field it watches, its warm-up
 * and its hold-off after an anomaly. Each detector's schema spreads `detectorBaseShape()` first, so
 * the inspector and the help texts show these in the same place for all.
 * Detectors keep their state per key when the stream is keyed (a key by
 * upstream), as windows do. Built at the first detector's use (./onDemand.ts).
 */
import * as z from 'zod';
import { fieldNameSchema } from './common';
import { onDemand } from './onDemand';

/** An object schema only to hold the shared fields; detectors spread its `.shape` into their own strict objects. */
export const detectorBaseShape = onDemand('detectorBase', () => z.object({
  field: fieldNameSchema.describe('The numeric field the detector watches.'),
  warmup: z.int().min(0).max(1_000_000).default(100).describe('How many records per key the detector learns from before it may call one anomalous.'),
  holdoff: z.int().min(0).max(1_000_000).default(0).describe('After an anomaly, how many of the key\'s next records are held off: still learnt from, but reported normal with score 0, so that one incident is flagged once rather than on every record (0: none).'),
}));
