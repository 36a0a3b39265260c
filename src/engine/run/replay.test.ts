import { describe, expect, it } from 'vitest';
import type { Batch } from '../batch';
import { compilePipeline } from '../plan/compile';
import { createSampleGenerator } from '../sources/sample';
import { pipeline } from '../testing/documents';
import type { Row } from '../operators/sinks';
import { createRuntime, type RuntimeHost, type RuntimeOptions } from './runtime';
import { createBlockSource } from './sources';

const doc = pipeline([
  { id: 'src', kind: 'source.sample', params: { stream: 'sensors', keys: 20, rate: 1000, limit: 5000, maxOutOfOrderness: '300ms', lateFraction: 0.1 } },
  { id: 'f', kind: 'transform.filter', params: { expr: 'humidity > 40' } },
  { id: 'm', kind: 'transform.map', params: { fields: [{ name: 'f', expr: 'temperature * 1.8 + 32' }] } },
  { id: 'k', kind: 'transform.keyBy', params: { fields: ['device'] } },
  { id: 'w', kind: 'window.hopping', params: { size: '2s', slide: '500ms', allowedLateness: '1s' } },
  { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'hi', fn: 'max', field: 'f' }, { name: 'p', fn: 'percentile', field: 'f', q: 0.9 }] } },
  { id: 'out', kind: 'sink.collect' },
]);

function run(host: Partial<RuntimeHost>, options: RuntimeOptions = {}, batchSize = 700): Row[] {
  const compiled = compilePipeline(doc);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const rows: Row[] = [];
  const runtime = createRuntime(compiled.plan, { now: () => 0, log: () => undefined, trace: null, onLate: null, onResults: (_id, r) => rows.push(...r), ...host }, options);
  while (runtime.step(batchSize)) { /* to the end */ }
  return rows;
}

describe('feeding a runtime events generated beforehand', () => {
  it('gives the results of the live sample source when its blocks are replayed through the sources override', () => {
    const compiled = compilePipeline(doc);
    if (!compiled.ok) throw new Error('compile');
    const step = compiled.plan.steps.find((s) => s.type === 'sampleSource');
    if (step?.type !== 'sampleSource') throw new Error('no source');
    const block = createSampleGenerator(step.params).next(step.params.limit ?? 0)!;
    const live = run({});
    expect(live.length).toBeGreaterThan(100);
    expect(run({}, { sources: { src: createBlockSource('src', block, step.params.maxOutOfOrdernessMs) } }, 333)).toEqual(live);
  });

  it('hands a collect sink\'s rows over as batches when the host takes batches', () => {
    const batches: Batch[] = [];
    const rows = run({ onResultBatch: (_id, batch) => batches.push(batch) });
    expect(rows).toEqual([]);
    expect(batches.reduce((n, b) => n + b.length, 0)).toBe(run({}).length);
  });
});
