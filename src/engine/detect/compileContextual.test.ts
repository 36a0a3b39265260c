import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate, type NodeOfKind } from '../../model';
import { runPipeline } from '../run/runPipeline';
import { contextualParamsSchema } from '../../model/schema/detectorContextual';
import { compileContextualDetector } from './compileContextual';
import { contextualAlgorithm } from './contextual/contextualAlgorithm';
import { detectorBatches, referenceDetector, runDetector, type DetectorEvent, type PushMode } from './detectorHarness';

const input = { fields: [{ name: 'v', type: 'number' as const }, { name: 'key', type: 'number' as const }], keys: [] };

function node(params: Record<string, unknown>): NodeOfKind<'detect.contextual'> {
  return { id: 'ctx', kind: 'detect.contextual', params: contextualParamsSchema.parse(params) } as NodeOfKind<'detect.contextual'>;
}

/** Values on a few levels with repeats, so contexts recur; keys 0..2; some missing; times out of order. */
const eventsArb = fc.array(fc.record({
  dt: fc.integer({ min: -30, max: 60 }),
  key: fc.integer({ min: 0, max: 2 }),
  v: fc.option(fc.constantFrom(1, 2, 3, 5, 8, 13, 40), { freq: 8 }),
}), { maxLength: 150 }).map((xs) => {
  let t = 0;
  return xs.map((x): DetectorEvent => ({ t: (t += x.dt), key: x.key, v: x.v }));
});
const modes: PushMode[] = ['push', 'reuse', 'selected', 'selectedKept'];

describe('detect.contextual in the detector operator', () => {
  it('compiles to an operator step that passes the fields on and adds the three', () => {
    const c = compileContextualDetector(node({ field: 'v' }), 0, input);
    expect(c.problems).toEqual([]);
    expect(c.step?.type).toBe('operator');
    expect(c.outputs.out!.fields.map((f) => f.name)).toEqual(['v', 'key', 'anomaly_score', 'is_anomaly', 'anomaly_reason']);
    expect(compileContextualDetector(node({ field: 'x' }), 2, input).problems[0]!.path).toBe('nodes[2].params.field');
  });

  it('equals the reference (per key, missing values skipped) whatever the batch cuts, push mode, hold-off and snapshot point', () => {
    fc.assert(fc.property(eventsArb, fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }), fc.constantFrom(...modes), fc.boolean(),
      fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.option(fc.integer({ min: 0, max: 8 })),
      (events, cuts, mode, keyed, warmup, restPeriod, holdoff, snapshotAfter) => {
        const params = { warmup, threshold: 0.5, restPeriod, restThreshold: 0.75, bits: 2, rangeMargin: 0.1, activeContexts: 4, contextFacts: 3 };
        const algorithm = contextualAlgorithm(params);
        const expected = referenceDetector(algorithm, warmup, events, keyed, holdoff);
        const got = runDetector({ field: 'v', warmup, holdoff, algorithm }, detectorBatches(events, cuts, keyed), { mode, ...(snapshotAfter === null ? {} : { snapshotAfter }) });
        expect(got).toEqual(expected);
      }), { numRuns: 150 });
  });

  it('flags a break in a learnt rhythm after warm-up, with a reason, and never during warm-up', () => {
    const values = [...Array.from({ length: 400 }, (_, i) => [10, 20, 30, 20][i % 4]!), 30, 30, 30, 10, 20, 30, 20];
    const events = values.map((v, i): DetectorEvent => ({ t: i * 1000, key: 0, v }));
    const params = { warmup: 40, threshold: 0.6, restPeriod: 20, restThreshold: 0.75, bits: 3, rangeMargin: 0, activeContexts: 15, contextFacts: 7 };
    const out = runDetector({ field: 'v', warmup: 40, algorithm: contextualAlgorithm(params) }, detectorBatches(events, [64], false), { mode: 'push' });
    const flagged = out.flatMap((o, i) => (o.isAnomaly ? [i] : []));
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((i) => i >= 400)).toBe(true);
    // The rhythm wanted 10 after 20.
    expect(flagged[0]).toBe(400);
    expect(out[400]!.reason).toMatch(/^30 after 20 is in band 8 of 8 \(30 to [\d.]+\): \d+ of \d+ learnt contexts predicted it/);
  });
});

describe('examples/nab-contextual.json', () => {
  it('runs a NAB file through its file source, detector and sink, scoring every row as the algorithm does', () => {
    const NAB = path.resolve(import.meta.dirname, '../../../../shared/data/nab');
    const text = readFileSync(path.join(NAB, 'ec2_request_latency_system_failure.csv'), 'utf8');
    const values = text.trim().split('\n').slice(1).map((line) => Number(line.split(',')[1]));
    const checked = validate(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../examples/nab-contextual.json'), 'utf8')));
    if (!checked.ok) throw new Error('nab-contextual.json is not valid');
    const detector = checked.document.nodes.find((n) => n.kind === 'detect.contextual') as NodeOfKind<'detect.contextual'>;
    const run = runPipeline(checked.document, { fileInputs: { nab: text } });
    if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('; '));
    const rows = [...run.results.values()][0]!;
    expect(rows).toHaveLength(values.length);
    const algorithm = contextualAlgorithm(detector.params);
    const state = algorithm.createState();
    const out = { score: 0, isAnomaly: false };
    values.forEach((v, i) => {
      algorithm.score(state, v, i, out);
      expect(rows[i]!['anomaly_score']).toBe(out.score);
      expect(rows[i]!['is_anomaly']).toBe(i >= detector.params.warmup && out.isAnomaly);
    });
    expect(rows.some((r) => r['is_anomaly'] === true)).toBe(true);
  });
});
