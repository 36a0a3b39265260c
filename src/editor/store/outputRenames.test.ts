import { describe, expect, it } from 'vitest';
import { createEditorStore } from './documentStore';
import { renamedOutputs } from './outputRenames';
import type { EditorDocument, EditorNode } from './types';

const at = { x: 0, y: 0 };
const node = (id: string, kind: string, params: Record<string, unknown> = {}): EditorNode => ({ id, kind, position: at, params });
const edge = (from: string, to: string) => ({ id: `${from}-${to}`, from, to, fromPort: 'out' as const, toPort: 'in' as const });

/** Sensors, a minute window, an aggregate, then a chart and a table; a second aggregate reads the first one's result through a filter. */
function pipeline(): EditorDocument {
  return {
    name: 'renames',
    nodes: [
      node('src', 'source.sample', { stream: 'sensors' }),
      node('win', 'window.tumbling', { size: '1m' }),
      node('agg', 'aggregate', { aggregations: [{ name: 'count', fn: 'count' }, { name: 'avg_temperature', fn: 'avg', field: 'temperature' }] }),
      node('chart', 'sink.chart', { y: 'avg_temperature', series: ['device', 'avg_temperature'] }),
      node('table', 'sink.table', { maxRows: 10 }),
      node('hot', 'transform.filter', { expr: 'true' }),
      node('again', 'aggregate', { aggregations: [{ name: 'peak', fn: 'max', field: 'avg_temperature' }] }),
      node('elsewhere', 'sink.chart', { y: 'avg_temperature' }),
    ],
    edges: [edge('src', 'win'), edge('win', 'agg'), edge('agg', 'chart'), edge('agg', 'table'), edge('agg', 'hot'), edge('hot', 'again'), edge('src', 'elsewhere')],
  };
}

const renamed = (name: string) => ({ aggregations: [{ name: 'count', fn: 'count' }, { name, fn: 'avg', field: 'temperature' }] });

describe('renaming an aggregate output', () => {
  it('renames it in the charts and aggregates after the aggregate, as one undo step', () => {
    const store = createEditorStore({ doc: pipeline() });
    store.getState().setParams('agg', renamed('mean_temp'));
    const params = (id: string) => store.getState().doc.nodes.find((n) => n.id === id)!.params;
    expect(params('chart')).toEqual({ y: 'mean_temp', series: ['device', 'mean_temp'] });
    expect(params('again')).toEqual({ aggregations: [{ name: 'peak', fn: 'max', field: 'mean_temp' }] });
    // Not after the aggregate: the same name there is another field.
    expect(params('elsewhere')).toEqual({ y: 'avg_temperature' });
    expect(params('table')).toEqual({ maxRows: 10 });

    store.temporal.getState().undo();
    expect(store.getState().doc).toEqual(pipeline());
  });

  it('renames nothing when rows are added or removed, or when the new name is another row\'s', () => {
    const before = renamed('avg_temperature');
    expect(renamedOutputs('aggregate', before, { aggregations: [{ name: 'count', fn: 'count' }] })).toEqual(new Map());
    expect(renamedOutputs('aggregate', before, { aggregations: [...before.aggregations, { name: 'n', fn: 'count' }] })).toEqual(new Map());
    expect(renamedOutputs('aggregate', before, renamed('count'))).toEqual(new Map());
    expect(renamedOutputs('transform.map', before, renamed('x'))).toEqual(new Map());
    expect(renamedOutputs('aggregate', before, renamed('x'))).toEqual(new Map([['avg_temperature', 'x']]));
  });

  it('leaves the document untouched when no node after it reads the old name', () => {
    const doc = pipeline();
    const store = createEditorStore({ doc });
    store.getState().setParams('agg', { aggregations: [{ name: 'n', fn: 'count' }, { name: 'avg_temperature', fn: 'avg', field: 'temperature' }] });
    const after = store.getState().doc;
    expect(after.nodes.filter((n) => n.id !== 'agg').every((n, i) => n === doc.nodes.filter((m) => m.id !== 'agg')[i])).toBe(true);
  });
});

describe('renaming a rolling feature', () => {
  it('renames it in the nodes after the rolling node, through a clean and a second rolling node', () => {
    const doc: EditorDocument = {
      name: 'rolling renames',
      nodes: [
        node('src', 'source.sample', { stream: 'sensors' }),
        node('roll', 'transform.rolling', { field: 'temperature', count: 10, features: [{ name: 'avg10', fn: 'mean' }] }),
        node('clean', 'transform.clean', { fields: ['avg10'], missing: 'drop' }),
        node('again', 'transform.rolling', { field: 'avg10', count: 5, features: [{ name: 'hi', fn: 'max' }] }),
        node('chart', 'sink.chart', { y: 'avg10' }),
      ],
      edges: [edge('src', 'roll'), edge('roll', 'clean'), edge('clean', 'again'), edge('again', 'chart')],
    };
    const store = createEditorStore({ doc });
    store.getState().setParams('roll', { field: 'temperature', count: 10, features: [{ name: 'mean10', fn: 'mean' }] });
    const params = (id: string) => store.getState().doc.nodes.find((n) => n.id === id)!.params;
    expect(params('clean')).toEqual({ fields: ['mean10'], missing: 'drop' });
    expect(params('again')).toEqual({ field: 'mean10', count: 5, features: [{ name: 'hi', fn: 'max' }] });
    expect(params('chart')).toEqual({ y: 'mean10' });
  });
});
