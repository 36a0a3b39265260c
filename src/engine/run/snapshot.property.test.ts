import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotCases } from '../testing/snapshotPipelines';
import { runWithCuts } from '../testing/snapshotRuns';

/*
 * The property time travel and durable runs stand on: a run cut anywhere
 * (snapshot, structuredClone, restore into a fresh runtime of a freshly
 * compiled plan, go on) gives exactly what the uninterrupted run gives:
 * every result and late row (toEqual tells -0 from 0 and NaN from null),
 * the node metrics after every step, the lines log sinks print and, when observed, every batch every
 * node emitted with its times and watermarks.
 */
describe('snapshot and restore', () => {
  it('continue every pipeline exactly as an uninterrupted run', () => {
    fc.assert(fc.property(snapshotCases, fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 4 }), (c, cuts) => {
      const straight = runWithCuts(c.doc, c.script);
      const cut = runWithCuts(c.doc, c.script, cuts.map((x) => Math.floor((x / 1000) * straight.steps)));
      expect(cut.steps, c.summary).toBe(straight.steps);
      expect(cut.results, c.summary).toEqual(straight.results);
      expect(cut.late, c.summary).toEqual(straight.late);
      expect(cut.metricsByStep, c.summary).toEqual(straight.metricsByStep);
      expect(cut.metrics, c.summary).toEqual(straight.metrics);
      expect(cut.logs, c.summary).toEqual(straight.logs);
      expect(cut.emitted, c.summary).toEqual(straight.emitted);
    }), { numRuns: 150 });
  });
});
