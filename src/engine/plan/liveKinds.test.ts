import { describe, expect, it } from 'vitest';
import { validate } from '../../model';
import { pipeline } from '../testing/documents';
import { compilePipeline } from './compile';

const sensors = { id: 'src', kind: 'source.sample', params: { stream: 'sensors', limit: 10 } };
const perDevice = [
  sensors,
  { id: 'k', kind: 'transform.keyBy', params: { fields: ['device'] } },
  { id: 'w', kind: 'window.tumbling', params: { size: '10s' } },
  { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'avg_temp', fn: 'avg', field: 'temperature' }] } },
];

function problemsOf(nodes: Parameters<typeof pipeline>[0]): string[] {
  const r = compilePipeline(pipeline(nodes));
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('sink.chart', () => {
  it('draws one series per key of the aggregate before it unless told otherwise', () => {
    const r = compilePipeline(pipeline([...perDevice, { id: 'c', kind: 'sink.chart', params: { y: 'avg_temp' } }]));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const step = r.plan.steps.find((s) => s.nodeId === 'c');
    expect(step).toEqual({
      type: 'collectSink', nodeId: 'c',
      view: { type: 'chart', chart: 'line', x: 'windowEnd', y: 'avg_temp', series: ['device'], topKeys: 5, timeRangeMs: 300_000 },
    });
  });

  it('refuses a y field that is missing or not a number, and a window axis without windows', () => {
    expect(problemsOf([...perDevice, { id: 'c', kind: 'sink.chart', params: { y: 'avg_tmp' } }])).toEqual([
      expect.stringMatching(/^nodes\[4\]\.params\.y: node 'c': y: unknown field 'avg_tmp'/),
    ]);
    expect(problemsOf([...perDevice, { id: 'c', kind: 'sink.chart', params: { y: 'device' } }])).toEqual([
      "nodes[4].params.y: node 'c': y: 'device' is a string; a chart plots numbers",
    ]);
    expect(problemsOf([sensors, { id: 'c', kind: 'sink.chart', params: { y: 'temperature' } }])).toEqual([
      expect.stringMatching(/^nodes\[1\]\.params\.x: node 'c': x: the results reaching this chart have no window_end/),
    ]);
    expect(problemsOf([sensors, { id: 'c', kind: 'sink.chart', params: { y: 'temperature', x: 'eventTime', series: ['devce'] } }])).toEqual([
      expect.stringMatching(/^nodes\[1\]\.params\.series\[0\]: node 'c': series: unknown field 'devce'/),
    ]);
  });
});

describe('sink.table', () => {
  it('keeps 100,000 rows unless told otherwise', () => {
    const r = compilePipeline(pipeline([sensors, { id: 't', kind: 'sink.table' }]));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.steps.find((s) => s.nodeId === 't')).toEqual({ type: 'collectSink', nodeId: 't', view: { type: 'table', maxRows: 100_000 } });
  });
});

describe('source.websocket', () => {
  const ws = (params: Record<string, unknown>) => pipeline([
    { id: 'live', kind: 'source.websocket', params: { url: 'ws://localhost:8787/streams/sensors', fields: [{ name: 'ts', type: 'number' }, { name: 'device', type: 'string' }], ...params } },
    { id: 'out', kind: 'sink.collect' },
  ]);

  it('gives its declared fields downstream, the event-time field as a time', () => {
    const r = compilePipeline(ws({}));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.edgeSchemas.get('e0')?.fields).toEqual([{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }]);
  });

  it('refuses an address that is not ws:// and an event-time field it does not declare', () => {
    const result = validate({
      format: 'windowpane.pipeline', version: 1, name: 'live', edges: [],
      nodes: [{ id: 'live', kind: 'source.websocket', params: { url: 'http://localhost', eventTime: 'time', fields: [{ name: 'ts', type: 'number' }, { name: 'device', type: 'string' }] } }],
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual([
      "nodes[0].params.url: node 'live': url must be a WebSocket address like ws://localhost:8787/streams/sensors, got 'http://localhost'",
      "nodes[0].params.eventTime: node 'live': eventTime names 'time', which is not one of the declared fields ('ts', 'device')",
    ]);
  });
});
