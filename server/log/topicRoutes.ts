/**
 * The topics' part of the sample server's HTTP and WebSocket routes:
 * the listing under /api/streams, POST /api/topics (a finite topic of N
 * generated records, answered once they are all appended), and the consumer
 * socket at /topics/NAME?from=START.
 */
import type { IncomingMessage } from 'node:http';
import * as z from 'zod';
import { sampleStreamFields, SAMPLE_STREAMS } from '../../src/engine/sources/sample';
import { DEFAULT_EVENT_TIME_RANGE, MAX_SAMPLE_KEYS, MAX_SAMPLE_RATE, MIN_SAMPLE_RATE } from '../../src/model';
import { parseLogStart, type TopicInfo } from '../../src/model/logProtocol';
import type { StreamSocket } from '../streamSession';
import { startLogSession, unknownPartition, type LogSession } from './consumerSession';
import type { Topic } from './topic';
import { TOPIC_NAME } from './topicMeta';
import type { TopicStore } from './topicStore';

/** What /api/streams lists per topic: the protocol's TopicInfo plus what a source needs to declare its fields. */
export interface TopicListing extends TopicInfo {
  readonly stream: string;
  readonly fields: readonly { readonly name: string; readonly type: string }[];
  readonly eventTime: 'ts';
}

/** Hosts as a Host header may name them; anything else is not echoed into a URL. */
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/** The listing of every topic; consumer URLs use the host the client asked for. */
export function listTopics(store: TopicStore | null, req: IncomingMessage, port: number): TopicListing[] {
  const asked = req.headers.host ?? '';
  const host = HOST.test(asked) ? asked : `localhost:${port}`;
  return (store?.list() ?? []).map((topic) => ({
    ...topic.info(`ws://${host}/topics/${topic.name}`),
    stream: topic.meta.stream,
    fields: sampleStreamFields(topic.meta.stream).map((f) => ({ name: f.name, type: f.type })),
    eventTime: 'ts',
  }));
}

/** Largest finite topic a request may create (at about 150 bytes a record, ~150 MB of disk). */
export const MAX_POSTED_RECORDS = 1_000_000;

const createSchema = z.strictObject({
  name: z.string().regex(TOPIC_NAME, { error: 'use 1 to 64 letters, digits, - or _' }),
  stream: z.enum(SAMPLE_STREAMS),
  count: z.int().min(0).max(MAX_POSTED_RECORDS),
  partitions: z.int().min(1).max(64).optional(),
  seed: z.int().optional(),
  keys: z.int().min(1).max(MAX_SAMPLE_KEYS).optional(),
  rate: z.number().min(MIN_SAMPLE_RATE).max(MAX_SAMPLE_RATE).optional(),
  maxOutOfOrdernessMs: z.number().min(0).max(60_000).optional(),
  lateFraction: z.number().min(0).max(1).optional(),
  startTime: z.int().min(DEFAULT_EVENT_TIME_RANGE.min).max(DEFAULT_EVENT_TIME_RANGE.end - 1).optional(),
});

/** The answer to POST /api/topics with `body`: 201 and the topic once complete, or a status and a sentence. */
export async function createTopicFromRequest(store: TopicStore | null, body: string): Promise<{ status: number; body: unknown }> {
  if (store === null) return { status: 404, body: { error: 'this server keeps no topics (started without a data directory)' } };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { status: 400, body: { error: 'the body is not JSON: send {"name":"t1","stream":"sensors","count":1000}' } };
  }
  const parsed = createSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 400, body: { error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'unexpected shape'}` } };
  }
  const { count, ...spec } = parsed.data;
  if (store.get(spec.name) !== undefined) return { status: 409, body: { error: `topic '${spec.name}' exists` } };
  let topic: Topic;
  try {
    topic = store.create({ ...spec, limit: count });
  } catch (error) {
    return { status: 409, body: { error: error instanceof Error ? error.message : String(error) } };
  }
  await store.ready();
  return { status: 201, body: { name: topic.name, partitions: topic.info('').partitions } };
}

/**
 * Opens a consumer of `/topics/NAME?from=...` on `socket`; a refusal is a
 * sentence for close code 1008.
 */
export function openTopicSocket(socket: StreamSocket, store: TopicStore | null, name: string, query: URLSearchParams, onError: (error: unknown) => void): LogSession | { refused: string } {
  const topic = store?.get(name);
  if (store === null || topic === undefined) {
    const known = store?.list().map((t) => t.name).join(', ') ?? '';
    return { refused: `unknown topic '${name.slice(0, 40)}'; topics: ${known === '' ? 'none' : known}` };
  }
  for (const key of query.keys()) if (key !== 'from') return { refused: `${key.slice(0, 40)}: unknown parameter; a topic takes only from=` };
  if (query.getAll('from').length > 1) return { refused: 'from: given more than once' };
  const start = parseLogStart(query.get('from') ?? 'earliest');
  if ('error' in start) return { refused: `from: ${start.error}` };
  const missing = unknownPartition(topic, start);
  if (missing !== null) return { refused: `from: ${missing}` };
  return startLogSession(socket, topic, start, onError);
}
