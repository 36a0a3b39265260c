import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pipeline } from '../testing/documents';
import { runWithCuts } from '../testing/snapshotRuns';

const START = 1_700_000_000_000;

/*
 * The snapshot property for idle inputs alone (the general one in
 * snapshot.property.test.ts draws them too, among everything else): a union
 * of sample streams with idle timeouts shorter or longer than the clock's
 * ticks, so inputs go idle between steps, come back behind the union's
 * watermark and catch up, cut anywhere, goes on exactly as the straight run,
 * down to every batch each node emitted (the union's watermark-only batches too).
 */
describe('idle inputs across a snapshot', () => {
  it('a run cut anywhere goes on exactly as the uninterrupted one', () => {
    const source = fc.record({
      rate: fc.constantFrom(20, 1000, 5000),
      limit: fc.integer({ min: 20, max: 2000 }),
      seed: fc.integer({ min: 0, max: 100 }),
      bound: fc.integer({ min: 0, max: 1500 }),
      lateFraction: fc.constantFrom(0, 0.2),
      idleTimeout: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    });
    fc.assert(fc.property(
      fc.array(source, { minLength: 2, maxLength: 3 }), fc.constantFrom(1, 50, 700), fc.constantFrom(7, 64, 333),
      fc.integer({ min: 0, max: 2000 }), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 3 }),
      (sources, tick, batchSize, lateness, cuts) => {
        const nodes = sources.map((s, i) => ({
          id: `s${i}`, kind: 'source.sample',
          params: {
            stream: 'sensors', keys: 3, rate: s.rate, limit: s.limit, seed: s.seed, maxOutOfOrderness: `${s.bound}ms`, lateFraction: s.lateFraction, startTime: START,
            // The first input never idles and the second always may, so idleness moves the union's watermark.
            ...(i === 0 ? {} : i === 1 ? { idleTimeout: `${s.idleTimeout ?? 5}ms` } : s.idleTimeout === undefined ? {} : { idleTimeout: `${s.idleTimeout}ms` }),
          },
        }));
        const doc = pipeline([
          ...nodes,
          { id: 'u', kind: 'transform.union' },
          { id: 'w', kind: 'window.tumbling', params: { size: '500ms', allowedLateness: `${lateness}ms` } },
          { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 't', fn: 'max', field: 'temperature' }] } },
          { id: 'out', kind: 'sink.collect' },
          { id: 'late', kind: 'sink.collect' },
        ], [
          ...nodes.map((n) => ({ from: n.id, to: 'u' })),
          { from: 'u', to: 'w' }, { from: 'w', to: 'a' }, { from: 'a', to: 'out' }, { from: 'w', to: 'late', fromPort: 'late' },
        ]);
        const script = { batchSize, clockAt: (step: number) => START + step * tick, maxSteps: 3000, observe: true };
        const straight = runWithCuts(doc, script);
        const cut = runWithCuts(doc, script, cuts.map((x) => Math.floor((x / 1000) * straight.steps)));
        expect(cut.emitted).toEqual(straight.emitted);
        expect(cut.results).toEqual(straight.results);
        expect(cut.late).toEqual(straight.late);
        expect(cut.metricsByStep).toEqual(straight.metricsByStep);
      },
    ), { numRuns: 60 });
  });
});
