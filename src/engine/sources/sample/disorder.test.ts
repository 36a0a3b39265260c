import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSampleGenerator, SAMPLE_STREAMS, type SampleParams } from './index';

const BASE: SampleParams = {
  stream: 'sensors',
  rate: 1000,
  keys: 10,
  limit: 20_000,
  seed: 3,
  maxOutOfOrdernessMs: 200,
  lateFraction: 0,
  startTime: 1_700_000_000_000,
};

function times(params: SampleParams, maxRows = 4096): number[] {
  const gen = createSampleGenerator(params);
  const out: number[] = [];
  for (let block = gen.next(maxRows); block !== null; block = gen.next(maxRows)) out.push(...block.time);
  return out;
}

/** How many events arrive with a time at or below the Flink watermark (max seen - bound - 1). */
function countLate(ts: readonly number[], bound: number): number {
  let maxSeen = -Infinity;
  let late = 0;
  for (const t of ts) {
    if (t <= maxSeen - bound - 1) late++;
    maxSeen = Math.max(maxSeen, t);
  }
  return late;
}

describe('sample stream disorder', () => {
  it('never delivers an event more than the bound behind the newest one seen', () => {
    const params = fc.record({
      stream: fc.constantFrom(...SAMPLE_STREAMS),
      rate: fc.double({ min: 1, max: 10_000, noNaN: true }),
      bound: fc.integer({ min: 1, max: 5000 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(params, ({ stream, rate, bound, seed }) => {
        const ts = times({ ...BASE, stream, rate, seed, limit: 2000, maxOutOfOrdernessMs: bound });
        let maxSeen = -Infinity;
        for (const t of ts) {
          expect(t).toBeGreaterThanOrEqual(maxSeen - bound);
          maxSeen = Math.max(maxSeen, t);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('really shuffles, and only permutes the in-order timestamps', () => {
    const shuffled = times(BASE);
    const ordered = times({ ...BASE, maxOutOfOrdernessMs: 0 });
    expect(shuffled).not.toEqual(ordered);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(ordered);
  });

  it('delivers about lateFraction of the events behind the watermark', () => {
    const ts = times({ ...BASE, lateFraction: 0.1 });
    expect(countLate(ts, 200) / ts.length).toBeGreaterThan(0.08);
    expect(countLate(ts, 200) / ts.length).toBeLessThan(0.11);
    expect(countLate(times(BASE), 200)).toBe(0);
  });

  it('makes late events late even with no bound', () => {
    const ts = times({ ...BASE, maxOutOfOrdernessMs: 0, lateFraction: 0.05 });
    expect(countLate(ts, 0) / ts.length).toBeGreaterThan(0.04);
  });

  it('holds only the delay window in memory on an unbounded stream', () => {
    const gen = createSampleGenerator({ ...BASE, limit: null, rate: 10_000, lateFraction: 0.1 });
    for (let i = 0; i < 100; i++) gen.next(10_000);
    // At most the events of the longest delay (200 + 1000 ms at 10 events per ms) wait.
    expect(gen.state.buffer?.size).toBeLessThan(12_000);
    expect(gen.state.buffer?.capacity).toBeLessThanOrEqual(16_384);
  });
});
