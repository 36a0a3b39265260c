/** Params of the source nodes: generated sample streams, files and WebSockets; each built at its first use (./onDemand.ts). */
import { retryPolicySchema } from './retryPolicy';
import { parseLogStart } from '../logProtocol';
import * as z from 'zod';
import { SOURCE_FILE, SOURCE_SAMPLE, SOURCE_WEBSOCKET } from '../kinds';
import {
  DEFAULT_EARLIEST_YEAR, DEFAULT_EVENT_TIME_RANGE, DEFAULT_LATEST_YEAR, describeYears, inEventTimeRange, MAX_YEAR, MIN_YEAR,
} from '../eventTimeRange';
import { MAX_LIST_ENTRIES, MAX_QUEUED_VALUES, MAX_REORDER_EVENTS, MAX_SAMPLE_KEYS, MAX_SAMPLE_RATE, MIN_SAMPLE_RATE } from '../limits';
import { parseDuration } from '../duration';
import { fieldNameSchema, nonNegativeDurationSchema, positiveDurationSchema, reportRepeats, strict } from './common';
import { lazySchema, onDemand } from './onDemand';

/**
 * Flink's `withIdleness`: a source that produced nothing for this long (wall
 * clock) is idle and no longer holds back the watermark of a union it feeds.
 */
const idleTimeout = onDemand('source idleTimeout', () => positiveDurationSchema.optional()
  .describe('After this long without events (wall clock) the source is idle and stops holding back the watermark of a union; absent: never idle.'));

export const SAMPLE_STREAMS = ['sensors', 'clicks', 'payments', 'trades', 'bids'] as const;

export const sampleSourceParamsSchema = lazySchema(SOURCE_SAMPLE, () => strict({
  stream: z.enum(SAMPLE_STREAMS).describe('Which generated stream to play.'),
  rate: z.number().min(MIN_SAMPLE_RATE).max(MAX_SAMPLE_RATE).default(1000).describe('Events per second of event time.'),
  keys: z.int().min(1).max(MAX_SAMPLE_KEYS).default(10).describe('How many distinct keys the stream spreads over.'),
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
  idleTimeout: idleTimeout(),
  quietAfter: z.int().min(0).optional().describe('Go quiet after this many events (in the app): nothing comes for quietFor, then the stream goes on.'),
  quietFor: positiveDurationSchema.optional().describe('How long (wall clock) the stream stays quiet after quietAfter events.'),
}).superRefine((params, ctx) => {
  if ((params.quietAfter === undefined) !== (params.quietFor === undefined)) {
    const [given, missing] = params.quietAfter === undefined ? ['quietFor', 'quietAfter'] : ['quietAfter', 'quietFor'];
    ctx.addIssue({ code: 'custom', path: [missing], input: undefined, message: `is needed with ${given}: the stream goes quiet after quietAfter events for quietFor` });
  }
  if (!inEventTimeRange(DEFAULT_EVENT_TIME_RANGE, params.startTime)) {
    const message = `must be an epoch ms in the ${describeYears(DEFAULT_EVENT_TIME_RANGE)} (${DEFAULT_EVENT_TIME_RANGE.min} to ${DEFAULT_EVENT_TIME_RANGE.end - 1}), got ${params.startTime}`;
    ctx.addIssue({ code: 'custom', path: ['startTime'], input: params.startTime, message });
  }
  const held = Math.min(params.limit ?? Infinity, reorderEvents(params.rate, parseDuration(params.maxOutOfOrderness), params.lateFraction));
  if (held > MAX_REORDER_EVENTS) {
    const message = `holds up to ${Math.ceil(held).toLocaleString('en')} events in the reorder buffer at rate ${params.rate}; at most ${MAX_REORDER_EVENTS.toLocaleString('en')} are allowed (lower the rate or maxOutOfOrderness)`;
    ctx.addIssue({ code: 'custom', path: ['maxOutOfOrderness'], input: params.maxOutOfOrderness, message });
  }
}));

/**
 * Events a sample source's reorder buffer may hold at once: those generated
 * within the longest delay, which is the bound, plus the late span (twice the
 * bound, at least 1s) when some events are late. Mirrors the generator.
 */
function reorderEvents(rate: number, boundMs: number | null, lateFraction: number): number {
  if (boundMs === null) return 0; // reported by the duration's own check
  const delay = boundMs + (lateFraction > 0 ? Math.max(2 * boundMs, 1000) : 0);
  return (rate * delay) / 1000;
}

/** The accepted event times of a file or WebSocket source, in whole UTC years. */
const earliestYear = onDemand('source earliestYear', () => z.int().min(MIN_YEAR).max(MAX_YEAR).default(DEFAULT_EARLIEST_YEAR)
  .describe('Events whose time falls before this year (UTC) are bad rows, counted and shown with their line or message.'));
const latestYear = onDemand('source latestYear', () => z.int().min(MIN_YEAR).max(MAX_YEAR).default(DEFAULT_LATEST_YEAR)
  .describe('Events whose time falls after this year (UTC) are bad rows, counted and shown with their line or message.'));

function checkYears(params: { earliestYear: number; latestYear: number }, ctx: z.core.$RefinementCtx<unknown>): void {
  if (params.earliestYear <= params.latestYear) return;
  const message = `must not be after latestYear (${params.latestYear}), got ${params.earliestYear}`;
  ctx.addIssue({ code: 'custom', path: ['earliestYear'], input: params.earliestYear, message });
}

export const DECLARED_FIELD_TYPES = ['number', 'string', 'boolean', 'time'] as const;

/** A field with its type, as a WebSocket source declares them and a stored file records them. */
const declaredField = onDemand('declaredField', () => strict({
  name: fieldNameSchema.describe('The field\'s name in each event.'),
  type: z.enum(DECLARED_FIELD_TYPES).describe('The field\'s type: number, string, boolean or time.'),
}));
export const declaredFieldSchema = z.lazy(declaredField);

/** A SHA-256 content address: `sha256:` and 64 lowercase hex digits. */
export const CONTENT_HASH = /^sha256:[0-9a-f]{64}$/;

/** The reference a document holds to a file in the app's file store (IndexedDB), by content. */
const storedFile = onDemand('storedFile', () => strict({
  hash: z.string().regex(CONTENT_HASH, { error: 'must be a content hash like sha256: followed by 64 hex digits' })
    .describe('The SHA-256 of the file\'s bytes (see the file store): the key it is stored under.'),
  size: z.int().min(0).describe('The file\'s size in bytes.'),
}));
export const storedFileSchema = z.lazy(storedFile);

export const FILE_FORMATS = ['auto', 'csv', 'tsv', 'ndjson', 'json', 'parquet'] as const;
export const TIME_FORMATS = ['auto', 'epochMillis', 'epochSeconds', 'iso'] as const;

export const fileSourceParamsSchema = lazySchema(SOURCE_FILE, () => strict({
  format: z.enum(FILE_FORMATS).default('auto').describe('How the file is written; auto guesses from the text.'),
  eventTime: fieldNameSchema.describe('The field that holds each event\'s time.'),
  timeFormat: z.enum(TIME_FORMATS).default('auto').describe('How the event-time field is written.'),
  maxOutOfOrderness: nonNegativeDurationSchema.default('0ms').describe('The watermark bound.'),
  data: z.string().optional().describe('The file text inline, for small files; the CLI or the app may supply the file instead.'),
  fileName: z.string().optional().describe('The name of the file the data came from.'),
  stored: storedFile().optional()
    .describe('A file kept in the app\'s file store under its content hash: the document refers to it and never holds its bytes.'),
  fields: z.array(declaredField()).max(MAX_LIST_ENTRIES).optional()
    .describe('The fields the file was found to have when it was chosen, for designing while its data is not at hand; a run reads them from the file itself.'),
  delimiter: z.string().length(1).default(',').describe('The CSV field separator, one character.'),
  earliestYear: earliestYear(),
  latestYear: latestYear(),
  idleTimeout: idleTimeout(),
}).superRefine((params, ctx) => {
  checkYears(params, ctx);
  if (params.data !== undefined && params.stored !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['stored'], input: params.stored, message: 'must not be given with data: the file is either inline (data) or stored (stored), not both' });
  }
  if (params.fields !== undefined) reportRepeats(params.fields.map((f) => f.name), ctx, (index) => ['fields', index, 'name'], (index) => `fields[${index}]`);
}));

export type SampleStream = (typeof SAMPLE_STREAMS)[number];
export type FileFormat = (typeof FILE_FORMATS)[number];
export type TimeFormat = (typeof TIME_FORMATS)[number];
export type SampleSourceParams = z.output<typeof sampleSourceParamsSchema>;
export type FileSourceParams = z.output<typeof fileSourceParamsSchema>;
export type StoredFile = z.output<typeof storedFileSchema>;

/** How a WebSocket message holds its events: one JSON object, a JSON array of them, NDJSON lines, or any of these. */
export const MESSAGE_FORMATS = ['auto', 'object', 'array', 'ndjson'] as const;

/** The log mode of a WebSocket source: where it starts reading (see ../logProtocol.ts). */
const websocketLogMode = onDemand('websocketLogMode', () => strict({
  from: z.string().default('earliest').check((ctx) => {
    const start = parseLogStart(ctx.value);
    if ('error' in start) ctx.issues.push({ code: 'custom', input: ctx.value, message: start.error });
  }).describe('Where to start: earliest, latest, offsets:P=O,... or time:EPOCH_MS.'),
}));
export const websocketLogModeSchema = z.lazy(websocketLogMode);

/** Live events from any WebSocket server. Their fields are declared, because nothing arrives before the run. */
export const websocketSourceParamsSchema = lazySchema(SOURCE_WEBSOCKET, () => strict({
  url: z.string().regex(/^wss?:\/\/\S+$/, { error: 'must be a WebSocket address like ws://localhost:8787/streams/sensors' })
    .describe('The WebSocket address to connect to, ws:// or wss://.'),
  format: z.enum(MESSAGE_FORMATS).default('auto').describe('How each message holds its events.'),
  fields: z.array(declaredField()).min(1).max(MAX_LIST_ENTRIES).describe('The fields every event carries, with their types.'),
  eventTime: fieldNameSchema.default('ts').describe('The field that holds each event\'s time.'),
  timeFormat: z.enum(TIME_FORMATS).default('auto').describe('How the event-time field is written.'),
  maxOutOfOrderness: nonNegativeDurationSchema.default('0ms').describe('The watermark bound.'),
  queueLimit: z.int().min(1).max(1_000_000).default(10_000)
    .describe('How many received events may wait for the pipeline; past it the oldest are dropped and counted.'),
  earliestYear: earliestYear(),
  latestYear: latestYear(),
  idleTimeout: idleTimeout(),
  retry: retryPolicySchema.optional().describe('How the source reconnects after a failure; absent: 5 retries from 0.5 s doubling to 10 s, ±20 %.'),
  log: websocketLogMode().optional()
    .describe('Read the URL as a partitioned log (the sample server\'s /topics/NAME): offsets per partition are tracked, kept in checkpoints and resumed without gap or duplicate.'),
}).superRefine((params, ctx) => {
  checkYears(params, ctx);
  const values = params.queueLimit * params.fields.length;
  if (values > MAX_QUEUED_VALUES) {
    const message = `of ${params.queueLimit.toLocaleString('en')} events of ${params.fields.length} fields holds up to ${values.toLocaleString('en')} values; at most ${MAX_QUEUED_VALUES.toLocaleString('en')} are allowed (lower queueLimit or declare fewer fields)`;
    ctx.addIssue({ code: 'custom', path: ['queueLimit'], input: params.queueLimit, message });
  }
  reportRepeats(params.fields.map((f) => f.name), ctx, (index) => ['fields', index, 'name'], (index) => `fields[${index}]`);
  if (!params.fields.some((f) => f.name === params.eventTime)) {
    const names = params.fields.map((f) => `'${f.name}'`).join(', ');
    ctx.addIssue({ code: 'custom', path: ['eventTime'], input: params.eventTime, message: `names '${params.eventTime}', which is not one of the declared fields (${names})` });
  }
}));

export type MessageFormat = (typeof MESSAGE_FORMATS)[number];
export type DeclaredFieldType = (typeof DECLARED_FIELD_TYPES)[number];
export type WebsocketSourceParams = z.output<typeof websocketSourceParamsSchema>;
