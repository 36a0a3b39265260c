import { describe, expect, it } from 'vitest';
import type { NodeMetrics } from '../engine/run/runtime';
import { validate } from '../model';
import { createMetricsSampler, METRICS_INTERVAL_MS } from './metrics';

const checked = validate({
  format: 'windowpane.pipeline', version: 1, name: 'm',
  nodes: [
    { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors' } },
    { id: 'win', kind: 'window.tumbling', position: { x: 0, y: 0 }, params: { size: '1s' } },
    { id: 'agg', kind: 'aggregate', position: { x: 0, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
    { id: 'out', kind: 'sink.collect', position: { x: 0, y: 0 } },
    { id: 'log', kind: 'sink.log', position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: 'src', to: 'win' }, { id: 'e2', from: 'win', to: 'agg' },
    { id: 'e3', from: 'agg', to: 'out' }, { id: 'e4', from: 'win', fromPort: 'late', to: 'log' },
  ],
});
if (!checked.ok) throw new Error('invalid');
const doc = checked.document;

const m = (rowsIn: number, rowsOut: number): NodeMetrics => ({ rowsIn, rowsOut, watermark: 5, keys: 1, openWindows: 2, lateEvents: 0 });

describe('metrics snapshots', () => {
  it('turn totals into rates per second, and edges into the rate leaving their port', () => {
    let totals = new Map([['src', m(0, 0)], ['win', m(0, 0)], ['agg', m(0, 0)], ['out', m(0, 0)]]);
    let late = new Map<string, number>();
    const sampler = createMetricsSampler(doc, { metrics: () => totals, lateRows: () => late, connections: () => ({}) }, 0);
    sampler.sample(0, true);
    totals = new Map([['src', m(0, 1000)], ['win', m(1000, 20)], ['agg', m(1000, 20)], ['out', m(20, 0)]]);
    late = new Map([['win', 50]]);
    const s = sampler.sample(500, true)!;
    expect(s.nodes.src?.outPerSecond).toBe(2000);
    expect(s.nodes.win?.inPerSecond).toBe(2000);
    expect(s.edges.e1).toBe(2000);
    // What enters the window goes on to its aggregate, but for the late rows.
    expect(s.edges.e2).toBe(1900);
    expect(s.edges.e3).toBe(40);
    expect(s.edges.e4).toBe(100);
  });

  it('carry a source\'s idle flag and what holds a window\'s watermark back, and nothing of either for a plan without them', () => {
    const totals = new Map([['src', m(0, 10)], ['win', m(10, 0)]]);
    const report = {
      sources: new Map([['src', { idle: true, silentForMs: 7000, ended: false }]]),
      heldBack: new Map([['win', { sourceId: 'src', silentForMs: 3000 }]]),
    };
    const sampler = createMetricsSampler(doc, { metrics: () => totals, lateRows: () => new Map(), connections: () => ({}), idleness: () => report }, 0);
    const s = sampler.sample(0, false)!;
    expect(s.nodes.src).toMatchObject({ idle: true });
    expect(s.nodes.src).not.toHaveProperty('heldBackBy');
    expect(s.nodes.win).toMatchObject({ heldBackBy: { sourceId: 'src', silentForMs: 3000 } });
    expect(s.nodes.win).not.toHaveProperty('idle');
    const plain = createMetricsSampler(doc, { metrics: () => totals, lateRows: () => new Map(), connections: () => ({}), idleness: () => null }, 0).sample(0, false)!;
    expect(plain.nodes.src).not.toHaveProperty('idle');
    expect(plain.nodes.win).not.toHaveProperty('heldBackBy');
  });

  it('come at most every interval while running, and every time (with rates of 0) when not', () => {
    const totals = new Map([['src', m(0, 10)]]);
    const sampler = createMetricsSampler(doc, { metrics: () => totals, lateRows: () => new Map(), connections: () => ({}) }, 0);
    expect(sampler.sample(METRICS_INTERVAL_MS, true)).not.toBeNull();
    expect(sampler.sample(METRICS_INTERVAL_MS + 10, true)).toBeNull();
    const paused = sampler.sample(METRICS_INTERVAL_MS + 20, false);
    expect(paused?.nodes.src).toMatchObject({ rowsOut: 10, outPerSecond: 0 });
  });

  it('keeps the figures of a node, an edge and a connection whose id is __proto__ (ids are data)', () => {
    const hostile = validate({
      format: 'windowpane.pipeline', version: 1, name: 'm',
      nodes: [
        { id: '__proto__', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors' } },
        { id: 'constructor', kind: 'sink.collect', position: { x: 0, y: 0 } },
      ],
      edges: [{ id: '__proto__', from: '__proto__', to: 'constructor' }],
    });
    if (!hostile.ok) throw new Error('invalid');
    let totals = new Map([['__proto__', m(0, 0)], ['constructor', m(0, 0)]]);
    const sampler = createMetricsSampler(hostile.document, { metrics: () => totals, lateRows: () => new Map(), connections: () => ({}) }, 0);
    sampler.sample(0, true);
    totals = new Map([['__proto__', m(0, 500)], ['constructor', m(500, 0)]]);
    const s = structuredClone(sampler.sample(1000, true)!);
    expect(Object.keys(s.nodes).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(s.nodes, '__proto__')?.value).toMatchObject({ outPerSecond: 500 });
    expect(Object.getOwnPropertyDescriptor(s.edges, '__proto__')?.value).toBe(500);
  });
});
