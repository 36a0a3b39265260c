/**
 * Shared types of the sample streams: the public parameter and info shapes and
 * the internal contract every stream module implements.
 */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { Field } from '../../batch';

/** The sample streams, in the order the editor lists them. */
export const SAMPLE_STREAMS = ['sensors', 'clicks', 'payments', 'trades', 'bids'] as const;

export type SampleStreamName = (typeof SAMPLE_STREAMS)[number];

/** What the generator needs; mirrors the `source.sample` params with durations in ms. */
export interface SampleParams {
  readonly stream: SampleStreamName;
  /** Events per second of event time, > 0. */
  readonly rate: number;
  /** Key cardinality (devices, users, cards, symbols or auctions), integer >= 1. */
  readonly keys: number;
  /** Number of events to produce, or null for an unbounded stream. */
  readonly limit: number | null;
  readonly seed: number;
  readonly maxOutOfOrdernessMs: number;
  /** Share of events delayed beyond the bound, 0..1. */
  readonly lateFraction: number;
  /** Event time of the first event, epoch ms. */
  readonly startTime: number;
}

/** A stream as a future `/api/streams` endpoint describes it. */
export interface SampleStreamInfo {
  readonly name: SampleStreamName;
  readonly description: string;
  readonly fields: readonly Field[];
}

/** A payload field of a stream (the `ts` field is implicit). */
export type StreamField =
  | { readonly name: string; readonly type: 'number' }
  | {
      readonly name: string;
      readonly type: 'string';
      /** How many distinct ids the field can take for a given key cardinality. */
      readonly cardinality: (keys: number) => number;
      /** The text of one id; called once per id, when it first appears in the output. */
      readonly label: (id: number) => string;
    };

/**
 * Where a stream writes rows: event times, then number fields and string ids in
 * the order the stream declares them (numbers and strings counted separately).
 */
export interface RowSink {
  readonly ts: Float64Array;
  readonly num: readonly Float64Array[];
  readonly ids: readonly Int32Array[];
}

/**
 * One sample stream. `S` is its state: plain data only (numbers, typed arrays),
 * so a generator can be snapshotted. Methods (not function properties) so a
 * registry of differently-typed streams type-checks.
 */
export interface StreamSpec<S> {
  readonly name: SampleStreamName;
  readonly description: string;
  readonly fields: readonly StreamField[];
  init(rng: RandomGenerator, keys: number): S;
  /** Fills rows [start, end) of `sink` (whose `ts` is already set), drawing only from `rng`. */
  fill(state: S, rng: RandomGenerator, sink: RowSink, start: number, end: number): void;
}
