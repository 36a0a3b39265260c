import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from '../operators/sinks';
import { runPipeline } from '../run/runPipeline';
import { runWithCuts } from '../testing/snapshotRuns';
import { events, firstDifference, referenceRolling, rollingDoc, type Window } from './featureStreams';

function run(doc: ReturnType<typeof rollingDoc>, batchSize: number): Row[] {
  const r = runPipeline(doc, { batchSize });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.results.get('out')!;
}

const windows: fc.Arbitrary<Window> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((count) => ({ count })),
  fc.integer({ min: 1, max: 8000 }).map((duration) => ({ duration })),
);

describe('transform.rolling', () => {
  it('computes every feature as a brute-force reference does, with late records and missing values', () => {
    fc.assert(fc.property(events({ nulls: true, late: true }), windows, fc.boolean(), (rows, window, keyed) => {
      const actual = run(rollingDoc(rows, window, undefined, keyed), 64);
      expect(firstDifference(actual, referenceRolling(rows, window, undefined, keyed))).toBeNull();
    }), { numRuns: 200 });
  });

  it('gives the same output whatever the batch boundaries', () => {
    fc.assert(fc.property(events({ nulls: true, late: true }), windows, fc.constantFrom(2, 3, 17, 4096), (rows, window, batchSize) => {
      const doc = rollingDoc(rows, window);
      expect(run(doc, batchSize)).toEqual(run(doc, 1));
    }), { numRuns: 60 });
  });

  it('goes on from a snapshot taken mid-stream as if never stopped', () => {
    fc.assert(fc.property(events({ nulls: true, late: true, maxLength: 80 }), windows, fc.array(fc.integer({ min: 0, max: 79 }), { minLength: 1, maxLength: 3 }), (rows, window, cuts) => {
      const doc = rollingDoc(rows, window);
      const script = { batchSize: 3 };
      const straight = runWithCuts(doc, script);
      const cut = runWithCuts(doc, script, cuts.map((c) => c % Math.max(1, straight.steps)));
      expect(cut.results).toEqual(straight.results);
      expect(cut.metrics).toEqual(straight.metrics);
    }), { numRuns: 40 });
  });

  it('reads a late record against the window of its key so far: the records within the duration of the newest time seen', () => {
    const rows = [{ ts: 10_000, k: 'a', v: 1 }, { ts: 14_000, k: 'a', v: 2 }, { ts: 12_000, k: 'a', v: 10 }, { ts: 8_000, k: 'a', v: 100 }, { ts: 15_500, k: 'a', v: 4 }];
    const out = run(rollingDoc(rows, { duration: 5000 }, [{ name: 'n', fn: 'mean' }, { name: 'lo', fn: 'min' }, { name: 'roc', fn: 'rateOfChange' }]), 1);
    const round = (x: unknown): unknown => (typeof x === 'number' ? Math.round(x * 1e9) / 1e9 : x);
    expect(out.map((r) => [r['n'], r['lo'], r['roc']].map(round))).toEqual([
      [1, 1, null],
      [1.5, 1, 0.25],
      // 12 000 is late but within 5 s of 14 000: it joins, and the window is [9 000, 14 000].
      [round(13 / 3), 1, 4.5],
      // 8 000 is older than 14 000 - 5 s: it never joins; its features describe the window as it stands.
      [round(13 / 3), 1, null],
      // 15 500 moves the window to [10 500, 15 500]: 10 000 drops out; the oldest left is 12 000's 10.
      [round(16 / 3), 2, round((4 - 10) / 3.5)],
    ]);
  });

  it('keeps a record with a missing value out of the window, with its last known value as lag', () => {
    const rows = [{ ts: 1000, k: 'a', v: 1 }, { ts: 2000, k: 'a', v: null }, { ts: 3000, k: 'a', v: 4 }];
    const out = run(rollingDoc(rows, { count: 2 }, [{ name: 'n', fn: 'mean' }, { name: 'lag', fn: 'lag' }, { name: 'd', fn: 'diff' }]), 1);
    expect(out.map((r) => [r['v'], r['n'], r['lag'], r['d']])).toEqual([[1, 1, null, null], [null, 1, 1, null], [4, 2.5, 1, 3]]);
  });
});
