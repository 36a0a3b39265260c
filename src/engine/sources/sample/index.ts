/**
 * Sample streams: seeded, deterministic event generators shared by the engine
 * worker, the CLI and the sample server (pure TS, no DOM or Node APIs).
 */
import type { Field } from '../../batch';
import { streamFields } from './block';
import { STREAM_SPECS } from './streams/registry';
import { SAMPLE_STREAMS, type SampleStreamInfo, type SampleStreamName } from './types';

export { createSampleGenerator } from './generator';
export type { SampleGenerator, SampleGeneratorState } from './generator';
export { SAMPLE_STREAMS } from './types';
export type { SampleParams, SampleStreamInfo, SampleStreamName } from './types';

/** The fields of `stream`, `ts` (type time) first. */
export function sampleStreamFields(stream: SampleStreamName): Field[] {
  return streamFields(STREAM_SPECS[stream].fields);
}

/** Name, one-sentence description and fields of every sample stream. */
export function sampleStreamInfo(): SampleStreamInfo[] {
  return SAMPLE_STREAMS.map((name) => ({
    name,
    description: STREAM_SPECS[name].description,
    fields: sampleStreamFields(name),
  }));
}
