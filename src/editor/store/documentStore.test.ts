import { describe, expect, it } from 'vitest';
import { createEditorStore } from './documentStore';
import { fromPipelineJson, toPipelineJson } from './documentFormat';
import { rekeyFragment, selectionToFragment } from './fragment';

function storeWithChain() {
  const store = createEditorStore();
  const s = store.getState();
  const src = s.addNode('source.sample', { x: 0, y: 0 });
  const win = s.addNode('window.tumbling', { x: 200, y: 0 });
  const agg = s.addNode('aggregate', { x: 400, y: 0 });
  const sink = s.addNode('sink.collect', { x: 600, y: 0 });
  return { store, src, win, agg, sink };
}

describe('the editor store', () => {
  it('adds nodes with readable ids, starter params, and selects the new node', () => {
    const { store, src, win } = storeWithChain();
    expect([src, win]).toEqual(['sample1', 'tumbling1']);
    expect(store.getState().doc.nodes[1]).toMatchObject({ kind: 'window.tumbling', params: { size: '1m' } });
    expect(store.getState().selection.nodes).toEqual(['collect1']);
  });

  it('connects nodes the document accepts and refuses the rest with a reason', () => {
    const { store, src, win, agg, sink } = storeWithChain();
    const s = store.getState();
    expect(s.connect({ from: src, fromPort: 'out', to: win }).ok).toBe(true);
    expect(s.connect({ from: win, fromPort: 'out', to: sink })).toEqual({ ok: false, reason: 'A window must be followed by an aggregate' });
    expect(s.connect({ from: sink, fromPort: 'out', to: win })).toEqual({ ok: false, reason: 'A sink has no output' });
    expect(s.connect({ from: agg, fromPort: 'out', to: src })).toEqual({ ok: false, reason: 'A source takes no input' });
    expect(s.connect({ from: win, fromPort: 'out', to: agg }).ok).toBe(true);
    expect(s.connect({ from: agg, fromPort: 'out', to: win })).toEqual({ ok: false, reason: 'This node takes exactly one input; use a union to merge streams' });
    expect(s.connect({ from: win, fromPort: 'late', to: sink }).ok).toBe(true);
    expect(store.getState().doc.edges.map((e) => `${e.from}.${e.fromPort}->${e.to}`)).toEqual(['sample1.out->tumbling1', 'tumbling1.out->aggregate1', 'tumbling1.late->collect1']);
  });

  it('refuses a connection that would close a cycle', () => {
    const store = createEditorStore();
    const s = store.getState();
    const a = s.addNode('transform.union', { x: 0, y: 0 });
    const b = s.addNode('transform.filter', { x: 0, y: 0 });
    expect(s.connect({ from: a, fromPort: 'out', to: b }).ok).toBe(true);
    expect(s.connect({ from: b, fromPort: 'out', to: a })).toEqual({ ok: false, reason: 'That would make a cycle' });
  });

  it('undoes and redoes every change, and a whole drag is one step back to where it began', () => {
    const { store, src } = storeWithChain();
    const history = store.temporal.getState();
    store.getState().moveNodes(new Map([[src, { x: 10, y: 10 }]]), false);
    store.getState().moveNodes(new Map([[src, { x: 20, y: 20 }]]), false);
    store.getState().moveNodes(new Map([[src, { x: 30, y: 30 }]]), true);
    expect(store.getState().doc.nodes[0]!.position).toEqual({ x: 30, y: 30 });
    history.undo();
    expect(store.getState().doc.nodes[0]!.position).toEqual({ x: 0, y: 0 });
    history.redo();
    expect(store.getState().doc.nodes[0]!.position).toEqual({ x: 30, y: 30 });
    history.undo(5);
    expect(store.getState().doc.nodes).toHaveLength(0);
  });

  it('deletes the selection together with the edges that touch it', () => {
    const { store, src, win, agg } = storeWithChain();
    const s = store.getState();
    s.connect({ from: src, fromPort: 'out', to: win });
    s.connect({ from: win, fromPort: 'out', to: agg });
    s.select({ nodes: [win], edges: [] });
    s.deleteSelection();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['sample1', 'aggregate1', 'collect1']);
    expect(store.getState().doc.edges).toEqual([]);
  });

  it('pastes a copied fragment with fresh ids, its inner edges, and an offset', () => {
    const { store, src, win } = storeWithChain();
    store.getState().connect({ from: src, fromPort: 'out', to: win });
    const fragment = selectionToFragment(store.getState().doc, { nodes: [src, win], edges: [] });
    const pasted = rekeyFragment(store.getState().doc, fragment, { x: 40, y: 40 });
    store.getState().insertFragment(pasted.nodes, pasted.edges);
    const doc = store.getState().doc;
    expect(doc.nodes.map((n) => n.id)).toEqual(['sample1', 'tumbling1', 'aggregate1', 'collect1', 'sample2', 'tumbling2']);
    expect(doc.edges.at(-1)).toMatchObject({ from: 'sample2', to: 'tumbling2' });
    expect(doc.nodes.at(-1)!.position).toEqual({ x: 240, y: 40 });
    expect(store.getState().selection.nodes).toEqual(['sample2', 'tumbling2']);
  });

  it('exports pipeline JSON that imports back to the same text, byte for byte', () => {
    const { store, src, win, agg, sink } = storeWithChain();
    const s = store.getState();
    s.connect({ from: src, fromPort: 'out', to: win });
    s.connect({ from: win, fromPort: 'out', to: agg });
    s.connect({ from: agg, fromPort: 'out', to: sink });
    s.renameNode(win, 'Per minute');
    const text = toPipelineJson(store.getState().doc);
    const back = fromPipelineJson(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(toPipelineJson(back.doc)).toBe(text);
  });

  it('reads every problem of an invalid file and gives back no document', () => {
    const result = fromPipelineJson('{"format":"windowpane.pipeline","version":1,"name":"x","nodes":[{"id":"w","kind":"window.tumbling","params":{"size":"soon"}}],"edges":[]}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain("size must be a duration");
  });
});
