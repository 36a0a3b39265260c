/** Params of the source nodes: generated sample streams and files. */
import { z } from 'zod';
import { fieldNameSchema, nonNegativeDurationSchema, reportRepeats, strict } from './common';

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

/** How a WebSocket message holds its events: one JSON object, a JSON array of them, NDJSON lines, or any of these. */
export const MESSAGE_FORMATS = ['auto', 'object', 'array', 'ndjson'] as const;
export const DECLARED_FIELD_TYPES = ['number', 'string', 'boolean', 'time'] as const;

export const declaredFieldSchema = strict({
  name: fieldNameSchema.describe('The field\'s name in each message.'),
  type: z.enum(DECLARED_FIELD_TYPES).describe('The field\'s type: number, string, boolean or time.'),
});

/** Live events from any WebSocket server. Their fields are declared, because nothing arrives before the run. */
export const websocketSourceParamsSchema = strict({
  url: z.string().regex(/^wss?:\/\/\S+$/, { error: 'must be a WebSocket address like ws://localhost:8787/streams/sensors' })
    .describe('The WebSocket address to connect to, ws:// or wss://.'),
  format: z.enum(MESSAGE_FORMATS).default('auto').describe('How each message holds its events.'),
  fields: z.array(declaredFieldSchema).min(1).describe('The fields every event carries, with their types.'),
  eventTime: fieldNameSchema.default('ts').describe('The field that holds each event\'s time.'),
  timeFormat: z.enum(TIME_FORMATS).default('auto').describe('How the event-time field is written.'),
  maxOutOfOrderness: nonNegativeDurationSchema.default('0ms').describe('The watermark bound.'),
  queueLimit: z.int().min(1).max(1_000_000).default(10_000)
    .describe('How many received events may wait for the pipeline; past it the oldest are dropped and counted.'),
}).superRefine((params, ctx) => {
  reportRepeats(params.fields.map((f) => f.name), ctx, (index) => ['fields', index, 'name'], (index) => `fields[${index}]`);
  if (!params.fields.some((f) => f.name === params.eventTime)) {
    const names = params.fields.map((f) => `'${f.name}'`).join(', ');
    ctx.addIssue({ code: 'custom', path: ['eventTime'], input: params.eventTime, message: `names '${params.eventTime}', which is not one of the declared fields (${names})` });
  }
});

export type MessageFormat = (typeof MESSAGE_FORMATS)[number];
export type DeclaredFieldType = (typeof DECLARED_FIELD_TYPES)[number];
export type WebsocketSourceParams = z.output<typeof websocketSourceParamsSchema>;
