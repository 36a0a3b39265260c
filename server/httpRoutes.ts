/**
 * The plain HTTP side of the sample server: the stream list, a health check,
 * and clear errors. Every answer is JSON with CORS headers, because the app is
 * served from another port.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sampleStreamInfo } from '../src/engine/sources/sample';
import { createTopicFromRequest, listTopics } from './log/topicRoutes';
import type { TopicStore } from './log/topicStore';
import { parseStreamName, parseStreamRequest } from './streamParams';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

/** What `/api/streams` lists for each stream: what the palette needs to create a WebSocket source. */
interface StreamListing {
  readonly name: string;
  readonly description: string;
  readonly path: string;
  readonly fields: readonly { readonly name: string; readonly type: string }[];
  readonly eventTime: 'ts';
  readonly params: readonly string[];
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS });
  res.end(JSON.stringify(body));
}

/** A path segment decoded, or left as it is when its escapes are malformed. */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The URL of a request target, or null for one `new URL` cannot read (`//`, `//a b`): a 400, not a crash. */
export function requestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** The listing of every sample stream. */
function listStreams(): StreamListing[] {
  return sampleStreamInfo().map((info) => ({
    name: info.name,
    description: info.description,
    path: `/streams/${info.name}`,
    fields: info.fields.map((f) => ({ name: f.name, type: f.type })),
    eventTime: 'ts',
    params: ['rate', 'seed', 'keys', 'maxOutOfOrderness', 'lateFraction', 'limit', 'startTime', 'batch', 'speed', 'format', 'corrupt'],
  }));
}

/** What the routes need of the running server. */
export interface HttpContext {
  /** When the server started (epoch ms). */
  readonly startedAt: number;
  readonly clients: () => number;
  /** The topics, or null when the server keeps none. */
  readonly topics: TopicStore | null;
  readonly port: () => number;
}

/** A POST body larger than this is refused: a topic request is a few hundred bytes. */
const MAX_BODY_BYTES = 16 * 1024;

/** The body of `req` as text, or null once it passes MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function postTopic(req: IncomingMessage, res: ServerResponse, topics: TopicStore | null): Promise<void> {
  const body = await readBody(req);
  if (body === null) return send(res, 413, { error: `the body is larger than ${MAX_BODY_BYTES} bytes` });
  const answer = await createTopicFromRequest(topics, body);
  send(res, answer.status, answer.body);
}

/** Answers a plain HTTP request. */
export function handleHttp(req: IncomingMessage, res: ServerResponse, context: HttpContext): void | Promise<void> {
  const url = requestUrl(req.url);
  if (url === null) return send(res, 400, { error: 'bad request target' });
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  if (req.method === 'POST' && url.pathname === '/api/topics') return postTopic(req, res, context.topics);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: `method ${req.method}: only GET is served (and POST /api/topics)` });
  if (url.pathname === '/health') return send(res, 200, { ok: true, service: 'windowpane-sample-server', uptimeMs: Date.now() - context.startedAt, clients: context.clients() });
  if (url.pathname === '/api/streams') return send(res, 200, { streams: listStreams(), topics: listTopics(context.topics, req, context.port()) });
  const match = /^\/streams\/([^/]+)$/.exec(url.pathname);
  if (match !== null) {
    const name = parseStreamName(safeDecode(match[1]!));
    if (!name.ok) return send(res, name.status, { error: name.message });
    const request = parseStreamRequest(name.value, url.searchParams);
    if (!request.ok) return send(res, request.status, { error: request.message });
    return send(res, 426, { error: `/streams/${name.value} is a WebSocket endpoint: connect with ws://` });
  }
  if (/^\/topics\/[^/]+$/.test(url.pathname)) return send(res, 426, { error: `${url.pathname.slice(0, 80)} is a WebSocket endpoint: connect with ws://` });
  send(res, 404, { error: `no such path '${url.pathname.slice(0, 80)}'; try /api/streams, /health, ws://HOST/streams/NAME or ws://HOST/topics/NAME` });
}
