import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectorBatches, referenceDetector, runDetector, type DetectorEvent, type PushMode } from './detectorHarness';
import { compileDetector } from './detectorStep';
import type { DetectorAlgorithm } from './types';
import { createDetectorOperator } from './detectorOperator';
import type { OperatorContext } from '../operators/types';
import type { PipelineNode } from '../../model';

/** A fake algorithm: distance from the running mean of what the key has seen. */
interface Fake { n: number; sum: number; last: number }
const fake: DetectorAlgorithm<Fake> = {
  createState: () => ({ n: 0, sum: 0, last: 0 }),
  score(s, value, _time, out) {
    const mean = s.n === 0 ? value : s.sum / s.n;
    const d = Math.abs(value - mean);
    out.score = d / (1 + d);
    out.isAnomaly = d > 5;
    s.last = mean;
    s.n++;
    s.sum += value;
  },
  explain: (s, value) => `${value} is far from the mean ${s.last}`,
  // Bands 0 to 5 by distance, and a band past the operator's limit for a distance of exactly 4 (clamped to the last).
  normalBand: (s, value) => (Math.abs(value - s.last) === 4 ? 1000 : Math.round(Math.abs(value - s.last))),
  normalText: (band) => `within ${band} of the mean`,
};
const config = (warmup: number, holdoff = 0) => ({ field: 'v', warmup, holdoff, algorithm: fake });

const eventsArb = fc.array(fc.record({
  dt: fc.integer({ min: -50, max: 100 }),
  key: fc.integer({ min: 0, max: 3 }),
  v: fc.option(fc.integer({ min: -20, max: 20 }), { freq: 6 }),
}), { maxLength: 120 }).map((xs) => {
  let t = 0;
  return xs.map((x): DetectorEvent => ({ t: (t += x.dt), key: x.key, v: x.v }));
});
const cutsArb = fc.array(fc.integer({ min: 1, max: 25 }), { maxLength: 5 });
const modes: PushMode[] = ['push', 'reuse', 'selected', 'selectedKept'];

describe('detector operator', () => {
  it('keeps a state per key: each key is scored as if alone', () => {
    const events: DetectorEvent[] = [{ t: 0, key: 0, v: 10 }, { t: 1, key: 1, v: 100 }, { t: 2, key: 0, v: 10 }, { t: 3, key: 1, v: 100 }, { t: 4, key: 0, v: 30 }];
    const keyed = runDetector(config(0), detectorBatches(events, [], true), { mode: 'push' });
    expect(keyed.map((r) => r.isAnomaly)).toEqual([false, false, false, false, true]);
    expect(keyed[4]!.reason).toBe('30 is far from the mean 10');
    // Unkeyed, key 1's 100 is far from key 0's 10.
    const unkeyed = runDetector(config(0), detectorBatches(events, [], false), { mode: 'push' });
    expect(unkeyed.map((r) => r.isAnomaly)).toEqual([false, true, true, true, true]);
  });

  it('warms up per key: scores shown, never an anomaly, the reason counts', () => {
    const events: DetectorEvent[] = [0, 4, 0, 0, 90].map((v, i) => ({ t: i, key: 0, v }));
    const out = runDetector(config(3), detectorBatches(events, [2], true), { mode: 'push' });
    expect(out.map((r) => r.reason)).toEqual(['warming up (1 of 3)', 'warming up (2 of 3)', 'warming up (3 of 3)', 'within 1 of the mean', '90 is far from the mean 1']);
    expect(out.map((r) => r.isAnomaly)).toEqual([false, false, false, false, true]);
    expect(out[1]!.score).toBeCloseTo(4 / 5);
  });

  it('passes a record without a value on with score 0 and "no value", leaving the state alone', () => {
    const events: DetectorEvent[] = [{ t: 0, key: 0, v: 10 }, { t: 1, key: 0, v: null }, { t: 2, key: 0, v: 10 }, { t: 3, key: 0, v: 40 }];
    const out = runDetector(config(1), detectorBatches(events, [], true), { mode: 'push' });
    expect(out[1]).toEqual({ score: 0, isAnomaly: false, reason: 'no value', v: null, key: 0 });
    expect(out[2]!.reason).toBe('within 0 of the mean');
    expect(out[3]!.reason).toBe('40 is far from the mean 10');
  });

  it('passes the record\'s own fields on, in order', () => {
    const events: DetectorEvent[] = [{ t: 0, key: 2, v: 1 }, { t: 1, key: 3, v: null }];
    const out = runDetector(config(5), detectorBatches(events, [1], true), { mode: 'selected' });
    expect(out.map((r) => [r.key, r.v])).toEqual([[2, 1], [3, null]]);
  });

  it('equals the reference whatever the batch cuts, push mode, keys, hold-off and snapshot point', () => {
    fc.assert(fc.property(eventsArb, cutsArb, fc.constantFrom(...modes), fc.boolean(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 8 }), fc.option(fc.integer({ min: 0, max: 8 })),
      (events, cuts, mode, keyed, warmup, holdoff, snapshotAfter) => {
        const batches = detectorBatches(events, cuts, keyed);
        const expected = referenceDetector(fake, warmup, events, keyed, holdoff);
        expect(runDetector(config(warmup, holdoff), batches, { mode, ...(snapshotAfter === null ? {} : { snapshotAfter }) })).toEqual(expected);
      }), { numRuns: 300 });
  });

  it('holds off a key\'s repeats after an anomaly: learnt from, reported normal with score 0, per key', () => {
    // Key 0 jumps to 30 and stays: the first 30 is flagged, the next two are held off, the fourth is flagged again and holds off the fifth.
    const values = [0, 0, 30, 30, 30, 30, 30];
    const events: DetectorEvent[] = values.flatMap((v, i) => [{ t: 2 * i, key: 0, v }, { t: 2 * i + 1, key: 1, v: i === 3 ? 30 : 0 }]);
    const out = runDetector(config(0, 2), detectorBatches(events, [3], true), { mode: 'push' });
    const key0 = out.filter((r) => r.key === 0);
    expect(key0.map((r) => r.isAnomaly)).toEqual([false, false, true, false, false, true, false]);
    expect(key0[3]).toEqual({ score: 0, isAnomaly: false, reason: 'held off after an anomaly', v: 30, key: 0 });
    // Learnt from while held off: the running mean the fourth 30 is judged against, (0 + 0 + 30 * 3) / 5, includes the held-off ones.
    expect(key0[5]!.reason).toBe('30 is far from the mean 18');
    // Key 1's anomaly is its own, not held off by key 0's.
    expect(out.filter((r) => r.key === 1).map((r) => r.isAnomaly)).toEqual([false, false, false, true, false, false, false]);
    // Without hold-off every 30 that stays far from the mean is flagged.
    expect(runDetector(config(0), detectorBatches(events, [3], true), { mode: 'push' }).filter((r) => r.key === 0).map((r) => r.isAnomaly)).toEqual([false, false, true, true, true, true, true]);
  });

  it('holds off keys past its first arrays\' size, and across a snapshot', () => {
    // Keys 0 to 39, each 0, 0, 30, 30: every key's first 30 flagged, its second held off.
    const events: DetectorEvent[] = [0, 0, 30, 30].flatMap((v, i) => Array.from({ length: 40 }, (_, key) => ({ t: i * 40 + key, key, v })));
    const expected = referenceDetector(fake, 0, events, true, 1);
    expect(expected.filter((r) => r.isAnomaly)).toHaveLength(40);
    expect(expected.filter((r) => r.reason === 'held off after an anomaly')).toHaveLength(40);
    expect(runDetector(config(0, 1), detectorBatches(events, [7], true), { mode: 'push', snapshotAfter: 13 })).toEqual(expected);
  });

  it('keeps the reason dictionary small: normal records share their band\'s sentence', () => {
    const events: DetectorEvent[] = Array.from({ length: 5000 }, (_, i) => ({ t: i, key: i % 7, v: i % 500 === 499 ? 10 : 3 }));
    const ctx: OperatorContext = { nodeId: 'd', trace: null, now: () => 0, emit: () => undefined };
    const op = createDetectorOperator(config(10), ctx);
    for (const b of detectorBatches(events, [256], true)) op.push(b, 0);
    const expected = referenceDetector(fake, 10, events, true);
    const reasons = expected.filter((r) => r.isAnomaly).map((r) => r.reason);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.length).toBeLessThan(20);
    const normal = new Set(expected.filter((r) => !r.isAnomaly && !r.reason.startsWith('warming up')).map((r) => r.reason));
    expect([...normal].every((r) => /^within \d+ of the mean$/.test(r))).toBe(true);
    expect(normal.size).toBeLessThan(6);
    // '', 'no value', the 10 warm-up sentences, the normal bands' sentences, and one per distinct anomaly explanation.
    expect(op.outputDicts!().get('anomaly_reason')!.values.length).toBe(2 + 10 + normal.size + new Set(reasons).size);
  });
});

describe('compileDetector', () => {
  const node = { id: 'z', kind: 'detect.zscore', params: {} } as unknown as PipelineNode;
  const input = { fields: [{ name: 'v', type: 'number' as const }, { name: 'host', type: 'string' as const }, { name: 'anomaly_score', type: 'number' as const }], keys: [{ name: 'host', type: 'string' as const }] };
  it('passes the fields on and adds the three, replacing an upstream detector\'s', () => {
    const c = compileDetector(node, 0, input, { field: 'v', warmup: 1 }, () => fake);
    expect(c.problems).toEqual([]);
    expect(c.outputs.out).toEqual({
      fields: [{ name: 'v', type: 'number' }, { name: 'host', type: 'string' }, { name: 'anomaly_score', type: 'number' }, { name: 'is_anomaly', type: 'boolean' }, { name: 'anomaly_reason', type: 'string' }],
      keys: input.keys,
    });
    expect(c.step?.type).toBe('operator');
  });
  it('says when the field is unknown or not a number', () => {
    expect(compileDetector(node, 3, input, { field: 'x', warmup: 1 }, () => fake).problems).toEqual([{ nodeId: 'z', path: 'nodes[3].params.field', message: "node 'z': unknown field 'x' (fields here: v, host, anomaly_score)" }]);
    expect(compileDetector(node, 3, input, { field: 'host', warmup: 1 }, () => fake).problems[0]!.message).toBe("node 'z': field 'host' is a string; a detector watches a number field");
  });
});
