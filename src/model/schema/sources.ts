/** Params of the source nodes: generated sample streams and files. */
import { z } from 'zod';
import { fieldNameSchema, nonNegativeDurationSchema, strict } from './common';

export const SAMPLE_STREAMS = ['sensors', 'clicks', 'payments', 'trades', 'bids'] as const;

export const sampleSourceParamsSchema = strict({
  stream: z.enum(SAMPLE_STREAMS).describe('Which generated stream to play.'),
  rate: z.number().gt(0).default(1000).describe('Events per second of event time.'),
  keys: z.int().min(1).default(10).describe('How many distinct keys the stream spreads over.'),
  limit: z.int().min(0).optional().describe('Stop after this many events; absent for an unbounded stream.'),
  seed: z.int().default(1).describe('Seed of the generator: the same seed plays the same events.'),
  maxOutOfOrderness: nonNegativeDurationSchema
    .default('0ms')
    .describe('Events are shuffled within this bound, which is also the watermark bound.'),
  lateFraction: z.number().min(0).max(1).default(0).describe('Share of events delayed beyond the bound.'),
  startTime: z.int().default(1_700_000_000_000).describe('Event time of the first event, epoch milliseconds.'),
  // Sample streams always name their time field `ts`; anything else would
  // point the watermark at a field that does not exist.
  eventTime: z.literal('ts').default('ts').describe('The event-time field; sample streams call it ts.'),
});

export const FILE_FORMATS = ['auto', 'csv', 'ndjson', 'json'] as const;
export const TIME_FORMATS = ['auto', 'epochMillis', 'epochSeconds', 'iso'] as const;

export const fileSourceParamsSchema = strict({
  format: z.enum(FILE_FORMATS).default('auto').describe('How the file is written; auto guesses from the text.'),
  eventTime: fieldNameSchema.describe('The field that holds each event\'s time.'),
  timeFormat: z.enum(TIME_FORMATS).default('auto').describe('How the event-time field is written.'),
  maxOutOfOrderness: nonNegativeDurationSchema.default('0ms').describe('The watermark bound.'),
  data: z.string().optional().describe('The file text inline; the CLI or the app may supply it instead.'),
  fileName: z.string().optional().describe('The name of the file the data came from.'),
  delimiter: z.string().length(1).default(',').describe('The CSV field separator, one character.'),
});

export type SampleStream = (typeof SAMPLE_STREAMS)[number];
export type FileFormat = (typeof FILE_FORMATS)[number];
export type TimeFormat = (typeof TIME_FORMATS)[number];
export type SampleSourceParams = z.output<typeof sampleSourceParamsSchema>;
export type FileSourceParams = z.output<typeof fileSourceParamsSchema>;
