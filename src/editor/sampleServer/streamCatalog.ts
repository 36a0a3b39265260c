/**
 * The sample server's `/api/streams`, validated where it enters the app, and
 * the params of a `source.websocket` node reading one of its streams.
 */
import * as z from 'zod';
import { DECLARED_FIELD_TYPES } from '../../model';
import { streamUrl } from './serverUrl';

const listingSchema = z.object({
  streams: z.array(z.object({
    name: z.string().regex(/^[A-Za-z0-9_-]+$/),
    description: z.string(),
    fields: z.array(z.object({ name: z.string().min(1), type: z.enum(DECLARED_FIELD_TYPES) })).min(1),
  })),
});

export type ServerStream = z.output<typeof listingSchema>['streams'][number];

/** Fetches and checks the stream list; throws with the path of the first problem. */
export async function fetchStreams(base: string, signal?: AbortSignal): Promise<ServerStream[]> {
  const response = await fetch(`${base}/api/streams`, signal === undefined ? {} : { signal });
  if (!response.ok) throw new Error(`${base}/api/streams answered ${response.status}`);
  const parsed = listingSchema.safeParse(await response.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${base}/api/streams: at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unexpected shape'}`);
  }
  return parsed.data.streams;
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
