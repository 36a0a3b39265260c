/**
 * Benchmark inputs: sample-stream events generated before any clock starts,
 * as one columnar RowBlock per source, so runs time the pipeline and never
 * the generator.
 */
import type { Column, RowBlock } from '../src/engine/batch';
import { gatherColumn, gatherFloat64 } from '../src/engine/batchOps';
import { createSampleGenerator, type SampleParams } from '../src/engine/sources/sample';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { unit } from '../src/engine/sources/sample/random';

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

/** How P5 delays P2's events: one in ten arrives up to 2 s after its event time (uniformly), the rest in order. */
export const P5_DELAY = { fraction: 0.1, maxMs: 2000, seed: 11 } as const;

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

/**
 * The events of an in-order block with a `fraction` of them arriving late:
 * each such event (picked and delayed by a seeded generator) arrives
 * `delay` ms after its event time, uniform in [0, maxMs), among the events of
 * that time; the others keep their order. Ties go by original position.
 */
export function delayEvents(block: RowBlock, delay: { readonly fraction: number; readonly maxMs: number; readonly seed: number }): RowBlock {
  const rng = xoroshiro128plus(delay.seed);
  const onTime: number[] = [];
  const delayed: { at: number; row: number }[] = [];
  for (let i = 0; i < block.length; i++) {
    if (unit(rng) < delay.fraction) delayed.push({ at: block.time[i]! + unit(rng) * delay.maxMs, row: i });
    else onTime.push(i);
  }
  delayed.sort((a, b) => a.at - b.at || a.row - b.row);
  // The rows on time are in order already: merging them with the sorted delayed ones is the arrival order.
  const order = new Int32Array(block.length);
  let a = 0;
  let d = 0;
  for (let k = 0; k < order.length; k++) {
    const next = delayed[d];
    const row = onTime[a];
    const takeDelayed = next !== undefined && (row === undefined || next.at < block.time[row]! || (next.at === block.time[row]! && next.row < row));
    order[k] = takeDelayed ? delayed[d++]!.row : onTime[a++]!;
  }
  const columns: Record<string, Column> = {};
  for (const [name, column] of Object.entries(block.columns)) columns[name] = gatherColumn(column, order);
  return { length: block.length, time: gatherFloat64(block.time, order), columns };
}

