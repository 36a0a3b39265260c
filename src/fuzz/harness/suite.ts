/**
 * The vitest shape every area's fuzz file shares: one sandbox per file, the
 * corpus replayed first, then the random cases, then a summary line with the
 * counts and times.
 */
import type fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FuzzArea } from '../cases/types';
import { fuzzRandom, newStats, replayCorpus, runsFor, summary, timeoutFor } from './fuzz';
import { createSandbox, type Sandbox } from './sandbox';

export function fuzzSuite<T>(area: FuzzArea, arbitrary: fc.Arbitrary<T>, defaultRuns: number): void {
  const runs = runsFor(defaultRuns);
  const stats = newStats(area);
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await createSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
    console.log(summary(stats));
  });

  it(`replays the ${area} corpus`, async () => {
    const started = performance.now();
    const failures = await replayCorpus(sandbox!, area, stats);
    stats.wallMs += performance.now() - started;
    expect(failures).toEqual([]);
  }, timeoutFor(200));

  it(`holds for ${runs} random ${area} cases`, async () => {
    await fuzzRandom(sandbox!, area, arbitrary, runs, stats);
    expect(stats.random).toBe(runs);
  }, timeoutFor(runs));
}
