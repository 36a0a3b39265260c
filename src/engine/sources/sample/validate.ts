/** Checks generator params: bad params are a programmer error (the model layer validates user input). */
import { SAMPLE_STREAMS, type SampleParams } from './types';

function fail(name: string, expected: string, value: unknown): never {
  throw new RangeError(`Sample generator param ${name}: expected ${expected}, got ${String(value)}`);
}

/** Throws a RangeError naming the first invalid param. */
export function validateSampleParams(params: SampleParams): void {
  const { stream, rate, keys, limit, seed, maxOutOfOrdernessMs, lateFraction, startTime } = params;
  if (!SAMPLE_STREAMS.includes(stream)) fail('stream', `one of ${SAMPLE_STREAMS.join('|')}`, stream);
  if (!(Number.isFinite(rate) && rate > 0)) fail('rate', 'a finite number > 0', rate);
  if (!(Number.isInteger(keys) && keys >= 1 && keys <= 2 ** 31 - 1)) fail('keys', 'an integer >= 1', keys);
  if (limit !== null && !(Number.isSafeInteger(limit) && limit >= 0)) fail('limit', 'null or an integer >= 0', limit);
  if (!Number.isSafeInteger(seed)) fail('seed', 'a safe integer', seed);
  if (!(Number.isFinite(maxOutOfOrdernessMs) && maxOutOfOrdernessMs >= 0)) {
    fail('maxOutOfOrdernessMs', 'a finite number >= 0', maxOutOfOrdernessMs);
  }
  if (!(lateFraction >= 0 && lateFraction <= 1)) fail('lateFraction', 'a number in 0..1', lateFraction);
  if (!Number.isFinite(startTime)) fail('startTime', 'a finite epoch ms', startTime);
}
