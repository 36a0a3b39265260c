import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../analysis/analyse';
import type { EditorDocument } from '../store/types';
import { COLLECT_ROWS } from '../../worker/protocol';
import { sinkViewsOf, viewSignature } from './sinkViews';

const at = { x: 0, y: 0 };
const doc = (chartParams: Record<string, unknown>): EditorDocument => ({
  name: 'test',
  nodes: [
    { id: 'src', kind: 'source.sample', position: at, params: { stream: 'sensors', limit: 100 } },
    { id: 'key', kind: 'transform.keyBy', position: at, params: { fields: ['device'] } },
    { id: 'w', kind: 'window.tumbling', position: at, params: { size: '10s' } },
    { id: 'agg', kind: 'aggregate', position: at, params: { aggregations: [{ name: 'avg_t', fn: 'avg', field: 'temperature' }] } },
    { id: 'chart', kind: 'sink.chart', name: 'Temperatures', position: at, params: chartParams },
    { id: 'table', kind: 'sink.table', position: at, params: { maxRows: 500 } },
  ],
  edges: [
    { id: 'e1', from: 'src', to: 'key', fromPort: 'out', toPort: 'in' },
    { id: 'e2', from: 'key', to: 'w', fromPort: 'out', toPort: 'in' },
    { id: 'e3', from: 'w', to: 'agg', fromPort: 'out', toPort: 'in' },
    { id: 'e4', from: 'agg', to: 'chart', fromPort: 'out', toPort: 'in' },
    { id: 'e5', from: 'agg', to: 'table', fromPort: 'out', toPort: 'in' },
  ],
});

describe('sinkViewsOf', () => {
  it('resolves a chart\'s defaults and its series from the aggregate\'s keys, as the compiler does', () => {
    const d = doc({ y: 'avg_t' });
    const [chart, table] = sinkViewsOf(d, analyseDocument(d));
    expect(chart).toEqual({
      kind: 'chart', id: 'chart', title: 'Temperatures', nodeKind: 'sink.chart',
      chart: { type: 'chart', chart: 'line', x: 'windowEnd', y: 'avg_t', series: ['device'], topKeys: 5, timeRangeMs: 300_000 },
    });
    expect(table).toEqual({ kind: 'table', id: 'table', title: 'table', nodeKind: 'sink.table', maxRows: 500, keyFields: ['device'] });
  });

  it('shows a collect sink as a table of what the worker sends of it, and a log sink as a log that knows its times', () => {
    const base = doc({ y: 'avg_t' });
    const d: EditorDocument = {
      ...base,
      nodes: [...base.nodes, { id: 'all', kind: 'sink.collect', position: at, params: {} }, { id: 'raw', kind: 'sink.log', name: 'Raw', position: at, params: { limit: 5 } }],
      edges: [...base.edges, { id: 'e6', from: 'agg', to: 'all', fromPort: 'out', toPort: 'in' }, { id: 'e7', from: 'src', to: 'raw', fromPort: 'out', toPort: 'in' }],
    };
    const views = sinkViewsOf(d, analyseDocument(d));
    expect(views.map((v) => v.id)).toEqual(['chart', 'table', 'all', 'raw']);
    expect(views[2]).toEqual({ kind: 'table', id: 'all', title: 'all', nodeKind: 'sink.collect', maxRows: COLLECT_ROWS, keyFields: ['device'] });
    expect(views[3]).toEqual({ kind: 'log', id: 'raw', title: 'Raw', nodeKind: 'sink.log', limit: 5, timeFields: ['ts'] });
  });

  it('shows an alert sink as its alerts, with its rule for the empty state (null while it cannot be read)', () => {
    const base = doc({ y: 'avg_t' });
    const withAlerts = (params: Record<string, unknown>): EditorDocument => ({
      ...base,
      nodes: [...base.nodes, { id: 'alerts', kind: 'sink.alert', name: 'Alerts', position: at, params }],
      edges: [...base.edges, { id: 'e6', from: 'agg', to: 'alerts', fromPort: 'out', toPort: 'in' }],
    });
    const d = withAlerts({ when: 'avg_t > 30', severity: 'critical' });
    expect(sinkViewsOf(d, analyseDocument(d))[2]).toEqual({ kind: 'alerts', id: 'alerts', title: 'Alerts', nodeKind: 'sink.alert', rule: 'avg_t > 30' });
    const defaults = withAlerts({});
    expect(sinkViewsOf(defaults, analyseDocument(defaults))[2]).toMatchObject({ rule: 'is_anomaly' });
    const broken = withAlerts({ severity: 'dire' });
    expect(sinkViewsOf(broken, analyseDocument(broken))[2]).toMatchObject({ kind: 'alerts', rule: null });
  });

  it('keeps explicit series and gives no chart while the params cannot be read', () => {
    const explicit = doc({ y: 'avg_t', series: [], chart: 'bar', timeRange: '1m' });
    expect(sinkViewsOf(explicit, analyseDocument(explicit))[0]).toMatchObject({ chart: { series: [], chart: 'bar', timeRangeMs: 60_000 } });
    const broken = doc({ y: 'avg_t', timeRange: 'soon' });
    expect(sinkViewsOf(broken, analyseDocument(broken))[0]).toMatchObject({ chart: null });
  });

  it('changes its signature exactly when a buffer must start over', () => {
    const a = sinkViewsOf(doc({ y: 'avg_t' }), analyseDocument(doc({ y: 'avg_t' })))[0]!;
    const b = sinkViewsOf(doc({ y: 'avg_t', topKeys: 3 }), analyseDocument(doc({ y: 'avg_t', topKeys: 3 })))[0]!;
    expect(viewSignature(a)).not.toBe(viewSignature(b));
    expect(viewSignature(a)).toBe(viewSignature({ ...a, title: 'renamed' }));
  });
});
