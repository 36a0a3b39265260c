import { describe, expect, it } from 'vitest';
import type { Batch } from '../batch';
import { batchToRows, type Row } from '../operators/sinks';
import { createRuntime } from '../run/runtime';
import { pipeline } from '../testing/documents';
import { compilePipeline } from './compile';
import { batchesEscape } from './escape';

const sensors = { id: 'src', kind: 'source.sample', params: { stream: 'sensors', limit: 5000, keys: 20 } };
const front = [
  { id: 'f', kind: 'transform.filter', params: { expr: 'humidity > 35' } },
  { id: 'm', kind: 'transform.map', params: { fields: [{ name: 'tf', expr: 'temperature * 1.8 + 32' }] } },
  { id: 'k', kind: 'transform.keyBy', params: { fields: ['device'] } },
];
const windowed = [
  { id: 'w', kind: 'window.tumbling', params: { size: '1s' } },
  { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'hi', fn: 'max', field: 'tf' }] } },
  { id: 'out', kind: 'sink.collect' },
];

function planOf(nodes: Parameters<typeof pipeline>[0], edges?: Parameters<typeof pipeline>[1]) {
  const r = compilePipeline(pipeline(nodes, edges));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
}

describe('batchesEscape', () => {
  it('says a source feeding only a window through filter, map and keyBy keeps nothing past the push', () => {
    expect(batchesEscape(planOf([sensors, ...front, ...windowed]), 'src')).toBe(false);
  });

  it('says batches escape when any path reaches a sink through steps that pass arrays on', () => {
    expect(batchesEscape(planOf([sensors, { id: 'out', kind: 'sink.collect' }]), 'src')).toBe(true);
    const nodes = [sensors, ...front, ...windowed, { id: 'raw', kind: 'sink.collect' }];
    const edges = [
      { from: 'src', to: 'f' }, { from: 'f', to: 'm' }, { from: 'm', to: 'k' }, { from: 'k', to: 'w' }, { from: 'w', to: 'a' }, { from: 'a', to: 'out' },
      { from: 'm', to: 'raw' },
    ];
    expect(batchesEscape(planOf(nodes, edges), 'src')).toBe(true);
  });

  it('lets sinks whose host keeps nothing, and log sinks, end the escape', () => {
    const direct = planOf([sensors, { id: 'out', kind: 'sink.collect' }]);
    expect(batchesEscape(direct, 'src', false)).toBe(false);
    expect(batchesEscape(planOf([sensors, front[0]!, { id: 'out', kind: 'sink.log' }]), 'src')).toBe(false);
    expect(batchesEscape(planOf([sensors, ...front, ...windowed]), 'w', true)).toBe(true);
    expect(batchesEscape(planOf([sensors, ...front, ...windowed]), 'w', false)).toBe(false);
  });

  it('gives the same results whether sources and windows reuse their arrays or the host keeps every batch', () => {
    const plan = planOf([sensors, ...front, ...windowed]);
    const read = (keeps: boolean): Row[] => {
      const kept: Batch[] = [];
      const rowsNow: Row[] = [];
      const runtime = createRuntime(plan, {
        now: () => 0, log: () => undefined, trace: null, onResults: () => undefined, onLate: null, keepsResultBatches: keeps,
        onResultBatch: (_sink, batch) => (keeps ? kept.push(batch) : rowsNow.push(...batchToRows(batch))),
      });
      while (runtime.step(333)) { /* to the end */ }
      // Batches a host keeps are read only now, after every later batch was written: they must be intact.
      return keeps ? kept.flatMap(batchToRows) : rowsNow;
    };
    const reused = read(false);
    expect(reused.length).toBeGreaterThan(50);
    expect(reused).toEqual(read(true));
  });

  it('hands a host that keeps nothing window results in one buffer written over from batch to batch', () => {
    const plan = planOf([sensors, ...front, ...windowed]);
    const buffers = new Set<ArrayBufferLike>();
    const runtime = createRuntime(plan, {
      now: () => 0, log: () => undefined, trace: null, onResults: () => undefined, onLate: null, keepsResultBatches: false,
      onResultBatch: (_sink, batch) => buffers.add(batch.time.buffer),
    });
    while (runtime.step(500)) { /* to the end */ }
    expect(buffers.size).toBeLessThanOrEqual(3); // the buffer only grows, by doubling
  });

  it('leaves the arrays of batches a host keeps alone when they reach a sink', () => {
    // keyBy passes the source's watermark column on by reference to the sink.
    const plan = planOf([sensors, front[2]!, { id: 'out', kind: 'sink.collect' }]);
    const kept: Batch[] = [];
    const runtime = createRuntime(plan, {
      now: () => 0, log: () => undefined, trace: null, onResults: () => undefined, onLate: null,
      onResultBatch: (_sink, batch) => kept.push(batch),
    });
    while (runtime.step(100)) { /* to the end */ }
    const buffers = new Set(kept.map((b) => b.watermark.buffer));
    expect(kept.length).toBeGreaterThan(2);
    expect(buffers.size).toBe(kept.length);
    for (const b of kept) for (let i = 1; i < b.length; i++) expect(b.watermark[i]).toBeGreaterThanOrEqual(b.watermark[i - 1]!);
  });

  it('gives a tap that keeps batches arrays that later batches do not overwrite', () => {
    const plan = planOf([sensors, ...front, ...windowed]);
    const kept: { batch: Batch; rows: Int32Array }[] = [];
    const runtime = createRuntime(plan, {
      now: () => 0, log: () => undefined, trace: null, onResults: () => undefined, onLate: null,
      onEmit: (nodeId, port, batch, rows) => {
        if (nodeId === 'm' && port === 'out' && rows !== null) kept.push({ batch, rows: rows.slice() });
      },
    });
    while (runtime.step(250)) { /* to the end */ }
    expect(kept.length).toBeGreaterThan(2);
    for (const { batch, rows } of kept) {
      const tf = batch.columns['tf'];
      const temperature = batch.columns['temperature'];
      if (tf?.type !== 'number' || temperature?.type !== 'number') throw new Error('no tf');
      for (const i of rows) expect(tf.values[i]).toBeCloseTo(temperature.values[i]! * 1.8 + 32, 9);
    }
  });
});

