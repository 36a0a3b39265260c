import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { runnableDocument, sameRunGraph } from './runGraph';

const doc: EditorDocument = {
  name: 'p',
  nodes: [
    { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: 10 } },
    { id: 'out', kind: 'sink.collect', position: { x: 200, y: 0 }, params: {} },
  ],
  edges: [{ id: 'e1', from: 'src', to: 'out', fromPort: 'out', toPort: 'in' }],
};

describe('what a run depends on', () => {
  it('ignores moves, node names and the pipeline name', () => {
    const store = createEditorStore({ doc });
    store.getState().moveNodes(new Map([['src', { x: 50, y: 80 }]]), true);
    store.getState().renameNode('src', 'Sensors');
    store.getState().renameDocument('other');
    expect(sameRunGraph(doc, store.getState().doc)).toBe(true);
  });

  it('sees a parameter, an edge or a node change, and an undo back to equal values', () => {
    const store = createEditorStore({ doc });
    store.getState().setParams('src', { stream: 'sensors', rate: 20 });
    const changed = store.getState().doc;
    expect(sameRunGraph(doc, changed)).toBe(false);
    store.getState().setParams('src', { stream: 'sensors', rate: 10 });
    expect(sameRunGraph(doc, store.getState().doc)).toBe(true);
    expect(sameRunGraph(doc, { ...doc, edges: [] })).toBe(false);
    expect(sameRunGraph(doc, { ...doc, nodes: doc.nodes.slice(0, 1) })).toBe(false);
  });

  it('validates the document for the worker, naming the node of each problem', () => {
    expect(runnableDocument(doc).ok).toBe(true);
    const bad = runnableDocument({ ...doc, nodes: [{ ...doc.nodes[0]!, params: { stream: 'nope' } }, doc.nodes[1]!] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]?.nodeId).toBe('src');
  });
});
