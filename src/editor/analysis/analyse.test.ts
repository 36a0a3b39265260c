import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import { analyseDocument, inputSchemaOf } from './analyse';

describe('analyseDocument', () => {
  it('gives the fields on every edge of a valid pipeline', () => {
    const store = createEditorStore();
    const s = store.getState();
    const src = s.addNode('source.sample', { x: 0, y: 0 });
    const f = s.addNode('transform.filter', { x: 0, y: 0 });
    const out = s.addNode('sink.collect', { x: 0, y: 0 });
    s.connect({ from: src, fromPort: 'out', to: f });
    s.connect({ from: f, fromPort: 'out', to: out });
    const a = analyseDocument(store.getState().doc);
    expect(a.problems).toEqual([]);
    expect(a.edgeSchemas.get('e2')?.fields.map((x) => x.name)).toEqual(['ts', 'device', 'temperature', 'humidity']);
    expect(analyseDocument(store.getState().doc)).toBe(a);
  });

  it('attaches problems to their nodes: an invalid param, then an unknown field', () => {
    const store = createEditorStore();
    const s = store.getState();
    const src = s.addNode('source.sample', { x: 0, y: 0 });
    const f = s.addNode('transform.filter', { x: 0, y: 0 });
    const out = s.addNode('sink.collect', { x: 0, y: 0 });
    s.connect({ from: src, fromPort: 'out', to: f });
    s.connect({ from: f, fromPort: 'out', to: out });
    s.setParams(src, { stream: 'weather' });
    expect(analyseDocument(store.getState().doc).problemsByNode.get(src)?.[0]?.message).toContain('stream');
    s.setParams(src, { stream: 'sensors', limit: 10 });
    s.setParams(f, { expr: 'temprature > 1' });
    expect(analyseDocument(store.getState().doc).problemsByNode.get(f)?.[0]?.message).toContain("did you mean 'temperature'");
  });
});

describe('analyseDocument, while the document is invalid', () => {
  function chain() {
    const store = createEditorStore();
    const s = store.getState();
    const src = s.addNode('source.sample', { x: 0, y: 0 });
    const f = s.addNode('transform.filter', { x: 0, y: 0 });
    const w = s.addNode('window.tumbling', { x: 0, y: 0 });
    const agg = s.addNode('aggregate', { x: 0, y: 0 });
    const out = s.addNode('sink.collect', { x: 0, y: 0 });
    s.connect({ from: src, fromPort: 'out', to: f });
    s.connect({ from: f, fromPort: 'out', to: w });
    s.connect({ from: w, fromPort: 'out', to: agg });
    s.connect({ from: agg, fromPort: 'out', to: out });
    return { store, src, f, w, agg, out };
  }

  it('keeps propagating fields past a filter with a bad expression, so pickers downstream still work', () => {
    const { store, f, agg } = chain();
    store.getState().setParams(f, { expr: 'temprature > 1' });
    const doc = store.getState().doc;
    expect(analyseDocument(doc).problems.map((p) => p.nodeId)).toEqual([f]);
    expect(inputSchemaOf(doc, agg)?.fields.map((x) => x.name)).toEqual(['ts', 'device', 'temperature', 'humidity']);
  });

  it('lists a compile problem of a valid node beside the validation problems of others', () => {
    const { store, f, w, agg } = chain();
    store.getState().setParams(w, { size: '5 minutes' });
    store.getState().setParams(f, { expr: 'temprature > 1' });
    store.getState().setParams(agg, { aggregations: [{ name: 'x', fn: 'sum', field: 'device' }] });
    const a = analyseDocument(store.getState().doc);
    expect(a.problems.map((p) => [p.nodeId, p.path])).toEqual([
      [w, 'nodes[2].params.size'],
      [f, 'nodes[1].params.expr'],
      [agg, 'nodes[3].params.aggregations'],
    ]);
    expect(a.problems[2]?.message).toContain("sum needs a number field, 'device' is string");
  });

  it('gives a windowed aggregate its window columns even when the window\'s own params are wrong', () => {
    const { store, w, agg, out } = chain();
    store.getState().setParams(w, { size: 'soon' });
    const doc = store.getState().doc;
    expect(analyseDocument(doc).problems.map((p) => p.nodeId)).toEqual([w]);
    expect(inputSchemaOf(doc, out)?.fields.map((x) => x.name)).toEqual(['window_start', 'window_end', 'count', 'revision']);
    expect(inputSchemaOf(doc, agg)).not.toBeNull();
  });

  it('gives a CUMULATE window\'s aggregate its window columns, and puts a maxSize that is no multiple of step on maxSize', () => {
    const store = createEditorStore();
    const s = store.getState();
    const src = s.addNode('source.sample', { x: 0, y: 0 });
    const k = s.addNode('transform.keyBy', { x: 0, y: 0 });
    const w = s.addNode('window.cumulate', { x: 0, y: 0 });
    const agg = s.addNode('aggregate', { x: 0, y: 0 });
    const out = s.addNode('sink.collect', { x: 0, y: 0 });
    s.setParams(k, { fields: ['device'] });
    s.connect({ from: src, fromPort: 'out', to: k });
    s.connect({ from: k, fromPort: 'out', to: w });
    s.connect({ from: w, fromPort: 'out', to: agg });
    s.connect({ from: agg, fromPort: 'out', to: out });
    expect(analyseDocument(store.getState().doc).problems).toEqual([]);
    expect(inputSchemaOf(store.getState().doc, out)?.fields.map((x) => x.name)).toEqual(['window_start', 'window_end', 'device', 'count', 'revision']);
    s.setParams(w, { step: '2m', maxSize: '5m' });
    const doc = store.getState().doc;
    expect(analyseDocument(doc).problems.map((p) => [p.nodeId, p.path, p.message])).toEqual([
      [w, 'nodes[2].params.maxSize', `node '${w}': maxSize must be a whole multiple of step, got '5m' for step '2m'; try '4m' or '6m'`],
    ]);
    expect(inputSchemaOf(doc, out)?.fields.map((x) => x.name)).toEqual(['window_start', 'window_end', 'device', 'count', 'revision']);
  });

  it('knows nothing about a node without an input', () => {
    const store = createEditorStore();
    const f = store.getState().addNode('transform.filter', { x: 0, y: 0 });
    expect(inputSchemaOf(store.getState().doc, f)).toBeNull();
  });

  it('answers a drag, which only moves nodes, without analysing again', () => {
    const { store, src } = chain();
    const before = analyseDocument(store.getState().doc);
    store.getState().moveNodes(new Map([[src, { x: 50, y: 50 }]]), false);
    expect(analyseDocument(store.getState().doc)).toBe(before);
    store.getState().setParams(src, { stream: 'clicks' });
    expect(analyseDocument(store.getState().doc)).not.toBe(before);
  });
});
