/**
 * The query of `/streams/NAME?...`, validated at the boundary: every problem
 * names the parameter and says what was expected. Defaults match the
 * `source.sample` params, so the same numbers give the same events.
 */
import { SAMPLE_STREAMS, type SampleParams, type SampleStreamName } from '../src/engine/sources/sample';
import { parseDuration } from '../src/model';

export const MESSAGE_FORMATS = ['ndjson', 'array'] as const;
export type ServerMessageFormat = (typeof MESSAGE_FORMATS)[number];

/** Everything one stream connection needs. */
export interface StreamRequest {
  readonly sample: SampleParams;
  /** Multiple of real time (events are sent `rate * speed` per second), or 'max': as fast as the client reads. */
  readonly speed: number | 'max';
  readonly format: ServerMessageFormat;
  /** Most events per message. */
  readonly batch: number;
  /** Share of extra, unparseable messages (a test feature), deterministic by seed. */
  readonly corrupt: number;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: 400 | 404; readonly message: string };

const KNOWN = ['rate', 'seed', 'keys', 'maxOutOfOrderness', 'lateFraction', 'limit', 'startTime', 'batch', 'speed', 'format', 'corrupt'];

class ParamError extends Error {}

function numberParam(query: URLSearchParams, name: string, fallback: number, check: (n: number) => boolean, expected: string): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const n = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(n) || !check(n)) throw new ParamError(`${name}: expected ${expected}, got '${text}'`);
  return n;
}

const isInt = (n: number): boolean => Number.isSafeInteger(n);

function durationParam(query: URLSearchParams, name: string): number {
  const text = query.get(name);
  if (text === null) return 0;
  // Plain numbers are milliseconds, as in every other time on this server.
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const ms = parseDuration(text);
  if (ms === null || ms < 0) throw new ParamError(`${name}: expected a duration like 5s or 500ms (or milliseconds), got '${text}'`);
  return ms;
}

function speedParam(query: URLSearchParams): number | 'max' {
  if (query.get('speed') === 'max') return 'max';
  return numberParam(query, 'speed', 1, (n) => n > 0 && n <= 10_000, "a number in (0, 10000] or 'max'");
}

/** The stream name of a `/streams/NAME` path, or an error for an unknown one. */
export function parseStreamName(name: string): ParseResult<SampleStreamName> {
  const known = (SAMPLE_STREAMS as readonly string[]).includes(name);
  if (known) return { ok: true, value: name as SampleStreamName };
  return { ok: false, status: 404, message: `unknown stream '${name.slice(0, 40)}'; streams: ${SAMPLE_STREAMS.join(', ')}` };
}

/**
 * `startTime=now`: the connection's wall-clock time, to the second, so that a
 * client reconnecting after a server restart gets events ahead of its
 * watermark instead of a replay that is all late.
 */
function startTimeParam(query: URLSearchParams, now: number): number {
  if (query.get('startTime') === 'now') return Math.floor(now / 1000) * 1000;
  return numberParam(query, 'startTime', 1_700_000_000_000, isInt, "an integer epoch ms or 'now'");
}

/** Reads and checks the query of a stream request; `now` is the wall clock (epoch ms) for `startTime=now`. */
export function parseStreamRequest(stream: SampleStreamName, query: URLSearchParams, now: number = Date.now()): ParseResult<StreamRequest> {
  try {
    for (const name of query.keys()) {
      if (!KNOWN.includes(name)) throw new ParamError(`${name.slice(0, 40)}: unknown parameter; known: ${KNOWN.join(', ')}`);
    }
    const format = query.get('format') ?? 'ndjson';
    if (!(MESSAGE_FORMATS as readonly string[]).includes(format)) throw new ParamError(`format: expected ndjson or array, got '${format.slice(0, 40)}'`);
    const limit = query.get('limit') === null ? null : numberParam(query, 'limit', 0, (n) => isInt(n) && n >= 0, 'an integer >= 0');
    const sample: SampleParams = {
      stream,
      rate: numberParam(query, 'rate', 1000, (n) => n > 0 && n <= 10_000_000, 'a number in (0, 10000000]'),
      keys: numberParam(query, 'keys', 10, (n) => isInt(n) && n >= 1 && n <= 1_000_000, 'an integer in 1..1000000'),
      limit,
      seed: numberParam(query, 'seed', 1, isInt, 'an integer'),
      maxOutOfOrdernessMs: durationParam(query, 'maxOutOfOrderness'),
      lateFraction: numberParam(query, 'lateFraction', 0, (n) => n >= 0 && n <= 1, 'a number in 0..1'),
      startTime: startTimeParam(query, now),
    };
    return {
      ok: true,
      value: {
        sample,
        speed: speedParam(query),
        format: format as ServerMessageFormat,
        batch: numberParam(query, 'batch', 500, (n) => isInt(n) && n >= 1 && n <= 100_000, 'an integer in 1..100000'),
        corrupt: numberParam(query, 'corrupt', 0, (n) => n >= 0 && n <= 1, 'a number in 0..1'),
      },
    };
  } catch (error) {
    if (error instanceof ParamError) return { ok: false, status: 400, message: error.message };
    throw error;
  }
}
