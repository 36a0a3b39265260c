import { describe, expect, it } from 'vitest';
import { readCell, type Batch, type RowBlock } from '../batch';
import { compilePipeline } from '../plan/compile';
import { createRuntime } from '../run/runtime';
import { createBlockSource, createSourceRuntime } from '../run/sources';
import { pipeline } from '../testing/documents';

/** A count per device and second of the sensors stream: the batches the sink got, and the input. */
function countPerDevice(): { batches: Batch[]; input: RowBlock } {
  const doc = pipeline([
    { id: 'src', kind: 'source.sample', params: { stream: 'sensors', limit: 4000, keys: 30, rate: 1000 } },
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['device'] } },
    { id: 'w', kind: 'window.tumbling', params: { size: '1s' } },
    { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
    { id: 'out', kind: 'sink.collect' },
  ]);
  const compiled = compilePipeline(doc);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const step = compiled.plan.steps.find((s) => s.type === 'sampleSource');
  if (step?.type !== 'sampleSource') throw new Error('no source');
  // The whole input as one block, so its dictionary is known to the test.
  const block = createSourceRuntime(step).next(1_000_000)!;
  const batches: Batch[] = [];
  const runtime = createRuntime(compiled.plan, {
    now: () => 0, log: () => undefined, trace: null, onResults: () => undefined, onLate: null,
    onResultBatch: (_sink, batch) => batches.push(batch),
  }, { sources: { src: createBlockSource('src', block, 0) } });
  while (runtime.step(333)) { /* to the end */ }
  return { batches, input: block };
}

const rows = (batches: Batch[], names: string[]): string[] =>
  batches.flatMap((b) => Array.from({ length: b.length }, (_, i) => names.map((n) => String(readCell(b.columns[n]!, i))).join('|')));

describe('result key columns', () => {
  it('name a single string key by the code it came with, in the input dictionary', () => {
    const { batches, input } = countPerDevice();
    const device = input.columns['device'];
    if (device?.type !== 'string') throw new Error('device is not a string column');
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) {
      const key = b.columns['device'];
      expect(key?.type === 'string' && key.dict).toBe(device.dict);
    }
    // Counted again from the input itself: every (window, device) with its count, keys decoded from the results.
    const times = input.time;
    const expected = new Map<string, number>();
    for (let i = 0; i < times.length; i++) {
      const at = `${Math.floor(times[i]! / 1000) * 1000}|${String(readCell(device, i))}`;
      expected.set(at, (expected.get(at) ?? 0) + 1);
    }
    const keyed = rows(batches, ['window_start', 'device', 'n']);
    expect(keyed.length).toBe(expected.size);
    expect(new Set(keyed)).toEqual(new Set([...expected].map(([at, n]) => `${at}|${n}`)));
  });
});
