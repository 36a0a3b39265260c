/**
 * Benchmark inputs: sample-stream events generated before any clock starts,
 * as one columnar RowBlock per source, so runs time the pipeline and never
 * the generator.
 */
import type { RowBlock } from '../src/engine/batch';
import { createSampleGenerator, type SampleParams } from '../src/engine/sources/sample';

/**
 * Events per second of event time. At 100,000/s, 10 million events span 100 s
 * of event time: 100 one-second tumbling windows of about 100 events per key
 * at 1,000 keys, and enough history for 60 s hopping windows to slide 40 times.
 */
export const EVENT_RATE = 100_000;

/** The `source.sample` params of a benchmark source, as a document states them. */
export interface BenchSourceParams {
  readonly stream: SampleParams['stream'];
  readonly keys: number;
  readonly maxOutOfOrderness: string;
  readonly lateFraction: number;
}

/** sensors over 1,000 devices, in event-time order (P1, P2, P3 and the peers). */
export const SENSORS: BenchSourceParams = { stream: 'sensors', keys: 1000, maxOutOfOrderness: '0ms', lateFraction: 0 };

/**
 * sensors shuffled within 1 s (also the watermark bound), and one event in ten
 * delayed a further 0 to 2 s past that bound: late, but within P5's 2 s of
 * allowed lateness, so each such event revises a window that has fired.
 */
export const SENSORS_LATE: BenchSourceParams = { stream: 'sensors', keys: 1000, maxOutOfOrderness: '1s', lateFraction: 0.1 };

/** clicks of 100,000 users, who click in bursts (sessions) a few seconds apart (P4). */
export const CLICKS: BenchSourceParams = { stream: 'clicks', keys: 100_000, maxOutOfOrderness: '0ms', lateFraction: 0 };

/** payments of 1,000 cards at a few dozen merchants (P6). */
export const PAYMENTS: BenchSourceParams = { stream: 'payments', keys: 1000, maxOutOfOrderness: '0ms', lateFraction: 0 };

/** The document params of a benchmark source producing `events` events. */
export function sourceParams(source: BenchSourceParams, events: number): Record<string, unknown> {
  return { ...source, rate: EVENT_RATE, limit: events, seed: 7 };
}

/**
 * Generates all `params.limit` events in one block (the generator's rows never
 * depend on how it is asked, so this is what the live source would play).
 */
export function pregenerate(params: SampleParams): RowBlock {
  if (params.limit === null) throw new Error('a benchmark source needs a limit');
  const block = createSampleGenerator(params).next(params.limit);
  if (block === null) throw new Error('the generator produced no events');
  return block;
}

/** One sensors event as an object: what RxJS and plain-JS code pass around. */
export interface SensorEvent {
  readonly ts: number;
  readonly device: string;
  readonly temperature: number;
  readonly humidity: number;
}

/** The first `count` events of a sensors block as objects (device labels are shared strings). */
export function sensorEvents(block: RowBlock, count: number): SensorEvent[] {
  const device = block.columns['device'];
  const temperature = block.columns['temperature'];
  const humidity = block.columns['humidity'];
  if (device?.type !== 'string' || temperature?.type !== 'number' || humidity?.type !== 'number') throw new Error('not a sensors block');
  const events: SensorEvent[] = [];
  for (let i = 0; i < Math.min(count, block.length); i++) {
    events.push({ ts: block.time[i]!, device: device.dict.values[device.codes[i]!]!, temperature: temperature.values[i]!, humidity: humidity.values[i]! });
  }
  return events;
}
