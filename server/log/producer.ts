/**
 * Producers: the engine's sample generator (seeded, deterministic, the same
 * events as `source.sample` and /streams/NAME for the same params) appending
 * to a topic, either all N records of a finite topic at once, or a live topic
 * in the stream's pace (rate events per second of wall-clock time).
 */
import { readCell } from '../../src/engine/batch';
import { createSampleGenerator, sampleStreamFields, type SampleParams } from '../../src/engine/sources/sample';
import { createEventEncoder } from '../encodeEvents';
import type { KeyedRecord, Topic } from './topic';
import { KEY_FIELDS } from './topicMeta';

/** Events generated and appended per step: one step holds the event loop for a few milliseconds at most. */
const CHUNK = 4096;
const TICK_MS = 100;
/** A live producer catching up after a stall appends at most this many per tick. */
const MAX_PER_TICK = 100_000;

/** Makes keyed records from the generator's blocks. */
function recordSource(params: SampleParams): (n: number) => KeyedRecord[] | null {
  const generator = createSampleGenerator(params);
  const encoder = createEventEncoder(sampleStreamFields(params.stream));
  const keyField = KEY_FIELDS.get(params.stream)!;
  return (n) => {
    const block = generator.next(n);
    if (block === null) return null;
    const lines = encoder.lines(block);
    const ts = block.columns.ts!;
    const key = block.columns[keyField]!;
    return lines.map((json, r) => ({ key: String(readCell(key, r)), ts: Number(readCell(ts, r)), json }));
  };
}

function sampleParams(topic: Topic, seedOffset: number, startTime: number, limit: number | null): SampleParams {
  const { source, stream } = topic.meta;
  return { stream, rate: source.rate, keys: source.keys, seed: source.seed + seedOffset, maxOutOfOrdernessMs: source.maxOutOfOrdernessMs, lateFraction: source.lateFraction, startTime, limit };
}

const nextTurn = (): Promise<void> => new Promise((done) => setImmediate(done));

/**
 * Appends all of a finite topic's records (yielding to the event loop between
 * chunks, so consumers and other requests go on), then marks it complete.
 * Resolves false when `stopped()` said to give up first.
 */
export async function fillTopic(topic: Topic, stopped: () => boolean): Promise<boolean> {
  const next = recordSource(sampleParams(topic, 0, topic.meta.source.startTime, topic.meta.source.limit));
  for (let records = next(CHUNK); records !== null; records = next(CHUNK)) {
    topic.append(records);
    await nextTurn();
    if (stopped()) return false;
  }
  topic.updateMeta({ complete: true });
  return true;
}

/**
 * Appends a live topic's events as time passes, at the topic's rate. Each
 * start is a new generation: seed + generation, event time from the wall
 * clock (or just after the newest record, should the clock be behind it), so a
 * restarted server goes on where the log ended rather than repeating it.
 */
export function startLiveProducer(topic: Topic, now: () => number = Date.now): () => void {
  const generation = topic.meta.generation + 1;
  topic.updateMeta({ generation });
  const gap = Math.ceil(1000 / topic.meta.source.rate);
  const startTime = Math.max(Math.floor(now() / 1000) * 1000, topic.newestTs + gap);
  const next = recordSource(sampleParams(topic, generation, startTime, null));
  const started = now();
  let produced = 0;
  const timer = setInterval(() => {
    const due = Math.min(MAX_PER_TICK, Math.floor(((now() - started) * topic.meta.source.rate) / 1000) - produced);
    if (due <= 0) return;
    const records = next(due);
    if (records === null) return;
    topic.append(records);
    produced += records.length;
  }, TICK_MS);
  return () => clearInterval(timer);
}
