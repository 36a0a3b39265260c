import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import { analyseDocument } from './analyse';

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
