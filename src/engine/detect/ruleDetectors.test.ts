/**
 * The rule detectors inside the shared detector operator: every batch cut,
 * push mode, keying and snapshot point gives what their algorithms give
 * value by value (detectorHarness.referenceDetector), and a whole pipeline
 * compiles them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changepointParamsSchema, thresholdParamsSchema } from '../../model';
import type { Row } from '../operators/sinks';
import { runPipeline } from '../run/runPipeline';
import { ndjsonData, pipeline } from '../testing/documents';
import { changepointAlgorithm } from './changepointAlgorithm';
import { detectorBatches, referenceDetector, runDetector, type DetectorEvent, type PushMode } from './detectorHarness';
import { thresholdAlgorithm } from './thresholdAlgorithm';
import type { DetectorAlgorithm } from './types';

const eventsArb = fc.array(fc.record({
  dt: fc.integer({ min: -50, max: 100 }),
  key: fc.integer({ min: 0, max: 3 }),
  v: fc.option(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -50, max: 50, noNaN: true })), { freq: 6 }),
}), { maxLength: 120 }).map((xs) => {
  let t = 0;
  return xs.map((x): DetectorEvent => ({ t: (t += x.dt), key: x.key, v: x.v }));
});
const cutsArb = fc.array(fc.integer({ min: 1, max: 25 }), { maxLength: 5 });
const modeArb = fc.constantFrom<PushMode>('push', 'reuse', 'selected', 'selectedKept');

const thresholdArb = fc.oneof(
  fc.record({ mode: fc.constant('quantile'), window: fc.integer({ min: 2, max: 12 }), lower: fc.constantFrom(0, 0.1, 0.25), upper: fc.constantFrom(0.75, 0.9, 1) }),
  fc.record({ mode: fc.constant('fixed'), min: fc.integer({ min: -20, max: -5 }), max: fc.integer({ min: 5, max: 20 }) }),
).map((p) => thresholdParamsSchema.parse({ field: 'v', ...p }));
const changepointArb = fc.record({
  method: fc.constantFrom('cusum', 'pageHinkley'),
  drift: fc.constantFrom(0, 0.5, 1),
  threshold: fc.constantFrom(1.5, 4.25, 8),
  relearn: fc.integer({ min: 2, max: 6 }),
}).map((p) => changepointParamsSchema.parse({ field: 'v', ...p }));

function batchCutProperty<S>(algorithmArb: fc.Arbitrary<DetectorAlgorithm<S>>): void {
  fc.assert(fc.property(algorithmArb, eventsArb, cutsArb, modeArb, fc.boolean(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.option(fc.integer({ min: 0, max: 8 })),
    (algorithm, events, cuts, mode, keyed, warmup, holdoff, snapshotAfter) => {
      const expected = referenceDetector(algorithm, warmup, events, keyed, holdoff);
      const got = runDetector({ field: 'v', warmup, holdoff, algorithm }, detectorBatches(events, cuts, keyed), { mode, ...(snapshotAfter === null ? {} : { snapshotAfter }) });
      expect(got).toEqual(expected);
    }), { numRuns: 200 });
}

describe('rule detectors in the detector operator', () => {
  it('detect.threshold: same records whatever the batch cuts, push mode, keys, warm-up, hold-off and snapshot point', () => {
    batchCutProperty(thresholdArb.map(thresholdAlgorithm));
  });

  it('detect.changepoint: same records whatever the batch cuts, push mode, keys, warm-up, hold-off and snapshot point', () => {
    batchCutProperty(changepointArb.map(changepointAlgorithm));
  });
});

function run(detector: { kind: string; params: Record<string, unknown> }, rows: Record<string, unknown>[]): Row[] {
  const doc = pipeline([
    { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', data: ndjsonData(rows) } },
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['host'] } },
    { id: 'd', ...detector },
    { id: 'out', kind: 'sink.collect' },
  ]);
  const result = runPipeline(doc);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.results.get('out') ?? [];
}

describe('rule detectors in a pipeline', () => {
  it('detect.threshold flags per key against its own rolling bounds, and passes records without a value on', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ t: i, host: i % 2 === 0 ? 'a' : 'b', v: i % 2 === 0 ? 10 + (i % 4) : 1000 + (i % 6) }));
    rows.push({ t: 40, host: 'a', v: 1000 }, { t: 41, host: 'b', v: 1003 }, { t: 42, host: 'a', v: null as unknown as number });
    const out = run({ kind: 'detect.threshold', params: { field: 'v', mode: 'quantile', window: 10, lower: 0, upper: 1, warmup: 5 } }, rows);
    expect(out.filter((r) => r['is_anomaly'] === true).map((r) => [r['t'], r['anomaly_reason']])).toEqual([
      [40, '1000 is above the rolling 1 quantile 12 of the last 10'],
    ]);
    expect(out[42]).toMatchObject({ anomaly_score: 0, is_anomaly: false, anomaly_reason: 'no value', host: 'a' });
    // Normal records say why in one fixed sentence; before a key has 2 values there are no bounds.
    expect(out[0]!['anomaly_reason']).toBe('warming up (1 of 5)');
    expect(out[41]).toMatchObject({ is_anomaly: false, anomaly_reason: 'within the rolling 0 and 1 quantiles of up to the last 10 values' });
  });

  it('holds off the records after an anomaly when the document sets holdoff', () => {
    const rows = [10, 60, 60, 60, 10, 60].map((v, t) => ({ t, host: 'a', v }));
    const out = run({ kind: 'detect.threshold', params: { field: 'v', mode: 'fixed', max: 50, warmup: 0, holdoff: 2 } }, rows);
    expect(out.map((r) => r['is_anomaly'])).toEqual([false, true, false, false, false, true]);
    expect(out[2]).toMatchObject({ anomaly_score: 0, anomaly_reason: 'held off after an anomaly' });
    expect(out[4]!['anomaly_reason']).toBe('within the fixed maximum 50');
  });

  it('detect.changepoint finds a level shift in one key only', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ t: i, host: i % 2 === 0 ? 'a' : 'b', v: (i % 2 === 0 && i >= 150 ? 30 : 20) + ((i * 7) % 5) * 0.3 }));
    const out = run({ kind: 'detect.changepoint', params: { field: 'v', warmup: 10 } }, rows);
    const flagged = out.filter((r) => r['is_anomaly'] === true);
    expect(flagged.map((r) => r['host'])).toEqual(['a']);
    expect(flagged[0]!['t']).toBe(150);
    expect(flagged[0]!['anomaly_reason']).toBe('CUSUM 21.28 passed 5 after a rise from mean 20.6');
    expect(out[20]!['anomaly_reason']).toBe('learning the level of the regime');
    expect(out[199]!['anomaly_reason']).toMatch(/^no change: CUSUM under \d+0% of its threshold 5$/);
  });

  it('reports a watched field that is not a number at compile time', () => {
    const doc = pipeline([
      { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', data: ndjsonData([{ t: 0, v: 'x' }]) } },
      { id: 'd', kind: 'detect.changepoint', params: { field: 'v' } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    const result = runPipeline(doc);
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "nodes[1].params.field: node 'd': field 'v' is a string; a detector watches a number field",
    ]);
  });
});
