/**
 * The query of `/streams/NAME?...`, validated at the boundary: every problem
 * names the parameter and says what was expected. Defaults match the
 * `source.sample` params, so the same numbers give the same events.
 */
import { SAMPLE_STREAMS, type SampleParams, type SampleStreamName } from '../src/engine/sources/sample';
import { DEFAULT_EVENT_TIME_RANGE, describeYears, MAX_SAMPLE_KEYS, MAX_SAMPLE_RATE, MIN_SAMPLE_RATE, parseDuration } from '../src/model';

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

/*
 * Bounds. Every one is generous for a demo or a test, and together they keep
 * one connection's memory and CPU per turn bounded:
 * - rate 0.001..1e7 events/s and speed (0, 1e4]: pacing only; events are made as
 *   they are sent, so neither implies memory (below 0.001 the gap between
 *   events overflows to Infinity).
 * - keys 1..1e6: per-key state and string dictionaries grow with keys (tens of MB at most).
 * - maxOutOfOrderness 0..1 day, and the reorder buffer it implies (events held
 *   back = rate x how long the latest event may be held, or the limit when
 *   smaller) at most MAX_HELD_EVENTS: a few hundred bytes each, so <= ~50 MB,
 *   and filled before the first event goes out, so it must stay quick.
 * - batch 1..1e5 events per message: one message is at most ~10 MB of text.
 * - seed, limit: safe integers (limit >= 0); startTime: an integer in the years
 *   1900 to 2300, the range a pipeline's sources accept.
 * - lateFraction, corrupt 0..1.
 */
const MAX_DISORDER_MS = 86_400_000;
const MAX_HELD_EVENTS = 200_000;

const KNOWN = ['rate', 'seed', 'keys', 'maxOutOfOrderness', 'lateFraction', 'limit', 'startTime', 'batch', 'speed', 'format', 'corrupt'];

class ParamError extends Error {}

function numberParam(query: URLSearchParams, name: string, fallback: number, check: (n: number) => boolean, expected: string): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const n = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(n) || !check(n)) throw new ParamError(`${name}: expected ${expected}, got '${clip(text)}'`);
  return n;
}

const isInt = (n: number): boolean => Number.isSafeInteger(n);

/** User text in a message, cut so the close reason keeps its start. */
const clip = (text: string): string => (text.length > 24 ? `${text.slice(0, 24)}...` : text);

function durationParam(query: URLSearchParams, name: string): number {
  const text = query.get(name);
  if (text === null) return 0;
  // Plain numbers are milliseconds, as in every other time on this server.
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) : parseDuration(text);
  if (ms === null || !Number.isFinite(ms) || ms < 0 || ms > MAX_DISORDER_MS) {
    throw new ParamError(`${name}: expected a duration up to 1 day like 5s or 500ms (or milliseconds), got '${clip(text)}'`);
  }
  return ms;
}

/** The longest the generator holds an event back, in ms (late events wait up to 2x the bound or 1 s more). */
const holdMs = (bound: number, lateFraction: number): number => (lateFraction > 0 ? bound + Math.max(2 * bound, 1000) : bound);

/** Refuses a disorder whose reorder buffer would hold more than MAX_HELD_EVENTS events. */
function checkHeldEvents(sample: SampleParams): void {
  if (sample.maxOutOfOrdernessMs === 0 && sample.lateFraction === 0) return;
  const held = Math.min(sample.limit ?? Infinity, Math.ceil((sample.rate * holdMs(sample.maxOutOfOrdernessMs, sample.lateFraction)) / 1000));
  if (held > MAX_HELD_EVENTS) {
    throw new ParamError(`maxOutOfOrderness: expected a reorder buffer of <= ${MAX_HELD_EVENTS} events at this rate, got ${held} events`);
  }
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
  // The years a pipeline's sample source accepts (src/model/eventTimeRange.ts), so what validates also plays live.
  const { min, end } = DEFAULT_EVENT_TIME_RANGE;
  return numberParam(query, 'startTime', 1_700_000_000_000, (n) => isInt(n) && n >= min && n < end, `an integer epoch ms in the ${describeYears(DEFAULT_EVENT_TIME_RANGE)} (${min} to ${end - 1}) or 'now'`);
}

/** Reads and checks the query of a stream request; `now` is the wall clock (epoch ms) for `startTime=now`. */
export function parseStreamRequest(stream: SampleStreamName, query: URLSearchParams, now: number = Date.now()): ParseResult<StreamRequest> {
  try {
    for (const name of query.keys()) {
      if (!KNOWN.includes(name)) throw new ParamError(`${name.slice(0, 40)}: unknown parameter; known: ${KNOWN.join(', ')}`);
      // Which of two values would win is a guess the client should not have to make.
      if (query.getAll(name).length > 1) throw new ParamError(`${name}: given more than once`);
    }
    const format = query.get('format') ?? 'ndjson';
    if (!(MESSAGE_FORMATS as readonly string[]).includes(format)) throw new ParamError(`format: expected ndjson or array, got '${clip(format)}'`);
    const limit = query.get('limit') === null ? null : numberParam(query, 'limit', 0, (n) => isInt(n) && n >= 0, 'an integer >= 0');
    const sample: SampleParams = {
      stream,
      // A sample source's bounds (src/model/limits.ts): below 0.001 events/s the gap between events overflows to Infinity.
      rate: numberParam(query, 'rate', 1000, (n) => n >= MIN_SAMPLE_RATE && n <= MAX_SAMPLE_RATE, `a number in ${MIN_SAMPLE_RATE}..${MAX_SAMPLE_RATE}`),
      keys: numberParam(query, 'keys', 10, (n) => isInt(n) && n >= 1 && n <= MAX_SAMPLE_KEYS, `an integer in 1..${MAX_SAMPLE_KEYS}`),
      limit,
      seed: numberParam(query, 'seed', 1, isInt, 'an integer'),
      maxOutOfOrdernessMs: durationParam(query, 'maxOutOfOrderness'),
      lateFraction: numberParam(query, 'lateFraction', 0, (n) => n >= 0 && n <= 1, 'a number in 0..1'),
      startTime: startTimeParam(query, now),
    };
    checkHeldEvents(sample);
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
