/** Params of the window nodes: tumbling, hopping, cumulate, session and count; each built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { formatDuration, parseDuration } from '../duration';
import { WINDOW_COUNT, WINDOW_CUMULATE, WINDOW_HOPPING, WINDOW_SESSION, WINDOW_TUMBLING } from '../kinds';
import { MAX_COUNT_WINDOW_SIZE, MAX_WINDOWS_PER_EVENT } from '../limits';
import { quote } from '../text';
import { durationSchema, nonNegativeDurationSchema, positiveDurationSchema, strict, timeDomainSchema } from './common';
import { lazySchema, onDemand } from './onDemand';

const offset = onDemand('window offset', () => durationSchema
  .default('0ms')
  .describe('Shifts window starts away from the epoch, like a time zone.'));
const lateness = onDemand('window allowedLateness', () => nonNegativeDurationSchema
  .default('0ms')
  .describe('How long after the watermark passes a window it still accepts late events, firing again.'));
const time = onDemand('window time', () => timeDomainSchema.describe('event: windows close on watermarks; processing: on the wall clock.'));

/**
 * Adds "offset must be smaller than <bound>" when |offset| >= bound, the
 * same rule Flink's window assigners enforce.
 */
function checkOffset<Bound extends string>(
  params: { offset: string } & Record<Bound, string | undefined>,
  bound: Bound,
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

export const tumblingParamsSchema = lazySchema(WINDOW_TUMBLING, () => strict({
  size: positiveDurationSchema.describe('The length of each window.'),
  offset: offset(),
  time: time(),
  allowedLateness: lateness(),
}).superRefine((params, ctx) => checkOffset(params, 'size', ctx)));

export const hoppingParamsSchema = lazySchema(WINDOW_HOPPING, () => strict({
  size: positiveDurationSchema.describe('The length of each window.'),
  slide: positiveDurationSchema.describe('How far apart window starts are.'),
  offset: offset(),
  time: time(),
  allowedLateness: lateness(),
}).superRefine((params, ctx) => {
  checkOffset(params, 'slide', ctx);
  checkWindowsPerEvent(params, ctx);
}));

/**
 * Adds a problem when each event would fall into more than
 * MAX_WINDOWS_PER_EVENT hopping windows: every one of them fires a row per
 * key, so 100d every 1ms would fire 8.64 billion windows for one event.
 */
function checkWindowsPerEvent(params: { size: string; slide: string }, ctx: z.core.$RefinementCtx<unknown>): void {
  const size = parseDuration(params.size);
  const slide = parseDuration(params.slide);
  // Unreadable or non-positive durations are reported on their own.
  if (size === null || slide === null || !(size > 0 && slide > 0)) return;
  const windows = Math.ceil(size / slide);
  if (windows <= MAX_WINDOWS_PER_EVENT) return;
  const message = `puts each event in ${windows.toLocaleString('en')} windows (size ${quote(params.size)} / slide ${quote(params.slide)}); at most ${MAX_WINDOWS_PER_EVENT.toLocaleString('en')} are allowed, so make slide at least size / ${MAX_WINDOWS_PER_EVENT.toLocaleString('en')}`;
  ctx.addIssue({ code: 'custom', path: ['slide'], input: params.slide, message });
}

/**
 * Flink's CUMULATE: each maxSize-long period starts one window every step
 * ends, all sharing the period's start, so a key's totals grow through the
 * period ([start, start+step), [start, start+2*step), ... up to maxSize).
 * Periods start maxSize apart, so the offset is bounded by maxSize as a
 * tumbling window's is by its size.
 */
export const cumulateParamsSchema = lazySchema(WINDOW_CUMULATE, () => strict({
  step: positiveDurationSchema.describe('How much each window grows: a window ends every step.'),
  maxSize: positiveDurationSchema.describe('The length of the period the windows grow through; a whole multiple of step.'),
  offset: offset(),
  time: time(),
  allowedLateness: lateness(),
}).superRefine((params, ctx) => {
  checkOffset(params, 'maxSize', ctx);
  checkCumulateSteps(params, ctx);
}));

/**
 * Adds a problem when maxSize is not a whole multiple of step (Flink refuses
 * the same), naming the two nearest sizes that are; and when a period holds
 * more than MAX_WINDOWS_PER_EVENT windows, since an event at a period's start
 * counts in every one of them.
 */
function checkCumulateSteps(params: { step: string; maxSize: string }, ctx: z.core.$RefinementCtx<unknown>): void {
  const step = parseDuration(params.step);
  const maxSize = parseDuration(params.maxSize);
  // Unreadable or non-positive durations are reported on their own.
  if (step === null || maxSize === null || !(step > 0 && maxSize > 0)) return;
  const windows = maxSize / step;
  if (!Number.isInteger(windows)) {
    const below = Math.floor(windows) * step;
    const above = below + step;
    const nearest = below > 0 ? `${quote(formatDuration(below))} or ${quote(formatDuration(above))}` : quote(formatDuration(above));
    const message = `must be a whole multiple of step, got ${quote(params.maxSize)} for step ${quote(params.step)}; try ${nearest}`;
    ctx.addIssue({ code: 'custom', path: ['maxSize'], input: params.maxSize, message });
    return;
  }
  if (windows <= MAX_WINDOWS_PER_EVENT) return;
  const message = `puts each event in up to ${windows.toLocaleString('en')} windows (maxSize ${quote(params.maxSize)} / step ${quote(params.step)}); at most ${MAX_WINDOWS_PER_EVENT.toLocaleString('en')} are allowed, so make step at least maxSize / ${MAX_WINDOWS_PER_EVENT.toLocaleString('en')}`;
  ctx.addIssue({ code: 'custom', path: ['step'], input: params.step, message });
}

export const sessionParamsSchema = lazySchema(WINDOW_SESSION, () => strict({
  gap: positiveDurationSchema.describe('A window closes after this long without an event for its key.'),
  time: time(),
  allowedLateness: lateness(),
}));

export const countWindowParamsSchema = lazySchema(WINDOW_COUNT, () => strict({
  size: z.int().min(1).max(MAX_COUNT_WINDOW_SIZE).describe('Fires every size events per key.'),
}));

export type TimeDomain = z.output<typeof timeDomainSchema>;
export type TumblingParams = z.output<typeof tumblingParamsSchema>;
export type HoppingParams = z.output<typeof hoppingParamsSchema>;
export type CumulateParams = z.output<typeof cumulateParamsSchema>;
export type SessionParams = z.output<typeof sessionParamsSchema>;
export type CountWindowParams = z.output<typeof countWindowParamsSchema>;
