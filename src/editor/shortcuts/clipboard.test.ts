import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import { copySelection, readFragment } from './clipboard';
import { createClipboardCommands, duplicateSelection, redo, selectAll, undo } from './commands';

function chain() {
  const store = createEditorStore();
  const s = store.getState();
  const src = s.addNode('source.sample', { x: 0, y: 0 });
  const win = s.addNode('window.tumbling', { x: 224, y: 0 });
  const agg = s.addNode('aggregate', { x: 448, y: 0 });
  s.connect({ from: src, fromPort: 'out', to: win });
  s.connect({ from: win, fromPort: 'out', to: agg });
  return { store, src, win, agg };
}

/** A clipboard in memory, as navigator.clipboard behaves. */
function memoryClipboard(text = '') {
  return {
    text,
    async writeText(t: string) { this.text = t; },
    async readText() { return this.text; },
  };
}

describe('copySelection and readFragment', () => {
  it('copies the selected nodes with the edges between them as pipeline JSON that reads back', () => {
    const { store, win, agg } = chain();
    const text = copySelection(store.getState().doc, { nodes: [win, agg], edges: [] })!;
    const json = JSON.parse(text) as { format: string; nodes: { id: string }[]; edges: { from: string }[] };
    expect(json.format).toBe('windowpane.pipeline');
    expect(json.nodes.map((n) => n.id)).toEqual(['tumbling1', 'aggregate1']);
    expect(json.edges).toHaveLength(1);
    const read = readFragment(text);
    expect(read.ok && read.fragment.nodes.map((n) => n.kind)).toEqual(['window.tumbling', 'aggregate']);
  });

  it('copies nothing when no node is selected', () => {
    const { store } = chain();
    expect(copySelection(store.getState().doc, { nodes: [], edges: ['e1'] })).toBeNull();
  });

  it('accepts a fragment whose graph is unfinished and whose params are half typed', () => {
    const read = readFragment(JSON.stringify({
      format: 'windowpane.pipeline', version: 1, name: 'x',
      nodes: [{ id: 'w', kind: 'window.tumbling', params: { size: '5 minutes' } }], edges: [],
    }));
    expect(read).toMatchObject({ ok: true, fragment: { nodes: [{ id: 'w', position: { x: 0, y: 0 }, params: { size: '5 minutes' } }] } });
  });

  it('refuses text that is not a pipeline, with a short reason', () => {
    expect(readFragment('hello')).toEqual({ ok: false, reason: 'The clipboard does not hold pipeline JSON' });
    expect(readFragment('{"a":1}')).toEqual({ ok: false, reason: 'The clipboard does not hold a Windowpane pipeline' });
    const pipeline = (nodes: unknown, edges: unknown = []) => JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'x', nodes, edges });
    expect(readFragment(pipeline([]))).toMatchObject({ ok: false, reason: 'The pasted pipeline has no nodes' });
    expect(readFragment(pipeline([{ id: 'a', kind: 'window.weekly' }]))).toMatchObject({ ok: false, reason: expect.stringContaining('is not a node kind') });
    expect(readFragment(pipeline([{ id: 'a', kind: 'sink.log' }, { id: 'a', kind: 'sink.log' }]))).toMatchObject({ ok: false, reason: 'Cannot paste: two nodes share an id' });
    expect(readFragment(pipeline([{ id: 'a', kind: 'sink.log' }, { id: 's', kind: 'source.sample' }], [{ id: 'e', from: 'a', to: 's' }])))
      .toMatchObject({ ok: false, reason: expect.stringContaining("is not an output of 'a'") });
    expect(readFragment(pipeline([{ id: 'a', kind: 'aggregate' }], [{ id: 'e', from: 'a', to: 'elsewhere' }])))
      .toMatchObject({ ok: false, reason: expect.stringContaining('must join two nodes of the pasted pipeline') });
  });
});

describe('the editing commands', () => {
  it('pastes with fresh ids, one step further on each time the same text is pasted', async () => {
    const { store, win, agg } = chain();
    const clipboard = memoryClipboard();
    const commands = createClipboardCommands(store, clipboard);
    store.getState().select({ nodes: [win, agg], edges: [] });
    expect(await commands.copy()).toBe(2);
    expect(await commands.paste()).toEqual({ ok: true, count: 2 });
    expect(await commands.paste()).toEqual({ ok: true, count: 2 });
    const doc = store.getState().doc;
    expect(doc.nodes.map((n) => n.id)).toEqual(['sample1', 'tumbling1', 'aggregate1', 'tumbling2', 'aggregate2', 'tumbling3', 'aggregate3']);
    expect(doc.nodes.slice(-2).map((n) => n.position)).toEqual([{ x: 224 + 64, y: 64 }, { x: 448 + 64, y: 64 }]);
    expect(doc.edges.at(-1)).toMatchObject({ from: 'tumbling3', to: 'aggregate3' });
    expect(store.getState().selection.nodes).toEqual(['tumbling3', 'aggregate3']);
  });

  it('pastes nothing from a clipboard without a pipeline', async () => {
    const { store } = chain();
    const commands = createClipboardCommands(store, memoryClipboard('not json'));
    expect(await commands.paste()).toEqual({ ok: false, reason: 'The clipboard does not hold pipeline JSON' });
    expect(store.getState().doc.nodes).toHaveLength(3);
  });

  it('duplicates the selection beside itself, and does nothing without one', () => {
    const { store, src, win } = chain();
    store.getState().select({ nodes: [], edges: [] });
    expect(duplicateSelection(store)).toBe(false);
    store.getState().select({ nodes: [src, win], edges: [] });
    expect(duplicateSelection(store)).toBe(true);
    const doc = store.getState().doc;
    expect(doc.nodes.slice(-2)).toMatchObject([{ id: 'sample2', position: { x: 32, y: 32 } }, { id: 'tumbling2', position: { x: 256, y: 32 } }]);
    expect(doc.edges.at(-1)).toMatchObject({ from: 'sample2', to: 'tumbling2' });
  });

  it('selects everything, and undo keeps the selection to what still exists', () => {
    const { store } = chain();
    selectAll(store);
    expect(store.getState().selection).toEqual({ nodes: ['sample1', 'tumbling1', 'aggregate1'], edges: ['e1', 'e2'] });
    undo(store);
    expect(store.getState().selection).toEqual({ nodes: ['sample1', 'tumbling1', 'aggregate1'], edges: ['e1'] });
    undo(store);
    undo(store);
    expect(store.getState().selection).toEqual({ nodes: ['sample1', 'tumbling1'], edges: [] });
    redo(store);
    expect(store.getState().doc.nodes).toHaveLength(3);
  });
});

describe('pasting into a view', () => {
  it('lands copies made far away in the middle of what is on screen', async () => {
    const { store, win, agg } = chain();
    const clipboard = memoryClipboard();
    const commands = createClipboardCommands(store, clipboard);
    store.getState().select({ nodes: [win, agg], edges: [] });
    await commands.copy();
    await commands.paste({ x: 5000, y: 3000, width: 1000, height: 600 });
    const [a, b] = store.getState().doc.nodes.slice(-2);
    // The middle of the copied positions goes to the middle of the view, on the grid.
    expect(a!.position).toEqual({ x: 5392, y: 3296 });
    expect(b!.position.x - a!.position.x).toBe(224);
  });

  it('keeps the usual offset when the copies would be in view anyway', async () => {
    const { store, win } = chain();
    const commands = createClipboardCommands(store, memoryClipboard());
    store.getState().select({ nodes: [win], edges: [] });
    await commands.copy();
    await commands.paste({ x: -100, y: -100, width: 1000, height: 600 });
    expect(store.getState().doc.nodes.at(-1)!.position).toEqual({ x: 224 + 32, y: 32 });
  });
});
