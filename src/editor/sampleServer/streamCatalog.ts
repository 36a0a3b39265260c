/**
 * The sample server's `/api/streams`, validated where it enters the app, and
 * the params of a `source.websocket` node reading one of its streams or,
 * in log mode, one of its topics.
 */
import * as z from 'zod';
import { DECLARED_FIELD_TYPES } from '../../model';
import { streamUrl, topicUrl } from './serverUrl';

const NAME = /^[A-Za-z0-9_-]+$/;
const fieldsSchema = z.array(z.object({ name: z.string().min(1), type: z.enum(DECLARED_FIELD_TYPES) })).min(1);
const offset = z.int().min(0);

const listingSchema = z.object({
  streams: z.array(z.object({ name: z.string().regex(NAME), description: z.string(), fields: fieldsSchema })),
  // A server from before topics lists none.
  topics: z.array(z.object({
    name: z.string().regex(NAME),
    stream: z.string(),
    fields: fieldsSchema,
    partitions: z.array(z.object({ partition: offset, earliest: offset, next: offset })).min(1),
  })).default([]),
});

export type ServerCatalog = z.output<typeof listingSchema>;
export type ServerStream = ServerCatalog['streams'][number];
export type ServerTopic = ServerCatalog['topics'][number];

/** Fetches and checks the list of streams and topics; throws with the path of the first problem. */
export async function fetchCatalog(base: string, signal?: AbortSignal): Promise<ServerCatalog> {
  const response = await fetch(`${base}/api/streams`, signal === undefined ? {} : { signal });
  if (!response.ok) throw new Error(`${base}/api/streams answered ${response.status}`);
  const parsed = listingSchema.safeParse(await response.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${base}/api/streams: at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unexpected shape'}`);
  }
  return parsed.data;
}

/** The sample params a new live source asks for: those of a fresh `source.sample` node, unbounded. */
export const LIVE_QUERY = { rate: 1000, keys: 10, seed: 1, maxOutOfOrderness: '2s' } as const;

/** The params of a `source.websocket` node on `stream`; `query` replaces the default sample params. */
export function liveSourceParams(base: string, stream: ServerStream, query: Readonly<Record<string, string | number>> = LIVE_QUERY): Record<string, unknown> {
  return {
    url: streamUrl(base, stream.name, query),
    format: 'auto',
    fields: stream.fields.map((f) => ({ name: f.name, type: f.type })),
    eventTime: 'ts',
    timeFormat: 'epochMillis',
    maxOutOfOrderness: typeof query.maxOutOfOrderness === 'string' ? query.maxOutOfOrderness : '0ms',
  };
}

/** A topic's records: the retained ones (next - earliest) summed over its partitions. */
export function topicRecords(topic: ServerTopic): number {
  return topic.partitions.reduce((sum, p) => sum + p.next - p.earliest, 0);
}

/**
 * The params of a `source.websocket` node reading `topic` as a log from its
 * earliest record: the source tracks offsets per partition (see logProtocol.ts).
 * The live topics carry up to 2 s of disorder, as the live streams do.
 */
export function topicSourceParams(base: string, topic: ServerTopic): Record<string, unknown> {
  return {
    url: topicUrl(base, topic.name),
    format: 'auto',
    fields: topic.fields.map((f) => ({ name: f.name, type: f.type })),
    eventTime: 'ts',
    timeFormat: 'epochMillis',
    maxOutOfOrderness: LIVE_QUERY.maxOutOfOrderness,
    log: { from: 'earliest' },
  };
}
