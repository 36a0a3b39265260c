import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendedResults, runWithCrashes } from '../testing/crashRuns';
import { snapshotCases } from '../testing/snapshotPipelines';
import { runWithCuts } from '../testing/snapshotRuns';

/*
 * Exactly-once output under crashes: random pipelines of every node kind
 * (snapshotPipelines.ts), checkpointed at random steps, crashing at random
 * later steps (all since the last checkpoint lost but what the keyed sinks
 * were given), resumed from the last checkpoint in a fresh runtime: every
 * sink's final contents equal an uninterrupted run's, every result appended
 * as it came (none missing, none twice, in order).
 */
const moments = fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 0, maxLength: 4 });

describe('keyed sinks with checkpoints', () => {
  it('end with exactly the results of an uninterrupted run, whatever the crash points', () => {
    fc.assert(fc.property(snapshotCases, moments, fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 3 }), (c, checkpointsAt, crashesAt) => {
      const straight = runWithCuts(c.doc, c.script);
      const at = (x: number): number => Math.floor((x / 1000) * straight.steps);
      const crashed = runWithCrashes(c.doc, c.script, { checkpoints: checkpointsAt.map(at), crashes: crashesAt.map(at) });
      expect(crashed.results, c.summary).toEqual(appendedResults(straight.results, straight.late));
    }), { numRuns: 100 });
  });

  it('hold what plain appending holds when nothing crashes', () => {
    fc.assert(fc.property(snapshotCases, moments, (c, checkpointsAt) => {
      const straight = runWithCuts(c.doc, c.script);
      const run = runWithCrashes(c.doc, c.script, { checkpoints: checkpointsAt.map((x) => Math.floor((x / 1000) * straight.steps)), crashes: [] });
      expect(run.resumes).toBe(0);
      expect(run.results, c.summary).toEqual(appendedResults(straight.results, straight.late));
    }), { numRuns: 30 });
  });
});
