/** Params of the window nodes: tumbling, hopping, session and count. */
import { z } from 'zod';
import { parseDuration } from '../duration';
import { quote } from '../text';
import { durationSchema, nonNegativeDurationSchema, positiveDurationSchema, strict, timeDomainSchema } from './common';

const offsetSchema = durationSchema
  .default('0ms')
  .describe('Shifts window starts away from the epoch, like a time zone.');
const latenessSchema = nonNegativeDurationSchema
  .default('0ms')
  .describe('How long after the watermark passes a window it still accepts late events, firing again.');
const timeSchema = timeDomainSchema.describe('event: windows close on watermarks; processing: on the wall clock.');

/**
 * Adds "offset must be smaller than <bound>" when |offset| >= bound, the
 * same rule Flink's window assigners enforce.
 */
function checkOffset(
  params: { offset: string } & Record<'size' | 'slide', string | undefined>,
  bound: 'size' | 'slide',
  ctx: z.core.$RefinementCtx<unknown>,
): void {
  const limitText = params[bound] ?? '';
  const offset = parseDuration(params.offset);
  const limit = parseDuration(limitText);
  // A bound that is unreadable or not positive is reported on its own.
  if (offset === null || limit === null || limit <= 0 || Math.abs(offset) < limit) return;
  const sign = offset < 0 ? ' ignoring its sign' : '';
  ctx.addIssue({
    code: 'custom',
    path: ['offset'],
    input: params.offset,
    message: `must be smaller than ${bound}${sign}, got ${quote(params.offset)} for ${bound} ${quote(limitText)}`,
  });
}

export const tumblingParamsSchema = strict({
  size: positiveDurationSchema.describe('The length of each window.'),
  offset: offsetSchema,
  time: timeSchema,
  allowedLateness: latenessSchema,
}).superRefine((params, ctx) => checkOffset({ ...params, slide: undefined }, 'size', ctx));

export const hoppingParamsSchema = strict({
  size: positiveDurationSchema.describe('The length of each window.'),
  slide: positiveDurationSchema.describe('How far apart window starts are.'),
  offset: offsetSchema,
  time: timeSchema,
  allowedLateness: latenessSchema,
}).superRefine((params, ctx) => checkOffset(params, 'slide', ctx));

export const sessionParamsSchema = strict({
  gap: positiveDurationSchema.describe('A window closes after this long without an event for its key.'),
  time: timeSchema,
  allowedLateness: latenessSchema,
});

export const countWindowParamsSchema = strict({
  size: z.int().min(1).describe('Fires every size events per key.'),
});

export type TimeDomain = z.output<typeof timeDomainSchema>;
export type TumblingParams = z.output<typeof tumblingParamsSchema>;
export type HoppingParams = z.output<typeof hoppingParamsSchema>;
export type SessionParams = z.output<typeof sessionParamsSchema>;
export type CountWindowParams = z.output<typeof countWindowParamsSchema>;
