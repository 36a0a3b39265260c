import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import { nudgeSelection, undo } from './commands';

function storeWith(positions: Record<string, { x: number; y: number }>, selected: string[]) {
  return createEditorStore({
    doc: { name: 't', nodes: Object.entries(positions).map(([id, position]) => ({ id, kind: 'sink.log', position, params: {} })), edges: [] },
    selection: { nodes: selected, edges: [] },
  });
}
const positions = (store: ReturnType<typeof storeWith>) => Object.fromEntries(store.getState().doc.nodes.map((n) => [n.id, n.position]));

describe('nudgeSelection', () => {
  it('moves only the selected nodes, onto the grid', () => {
    const store = storeWith({ a: { x: 0, y: 0 }, b: { x: 35, y: 10 }, c: { x: 100, y: 100 } }, ['a', 'b']);
    expect(nudgeSelection(store, 16, 0)).toBe(true);
    expect(positions(store)).toEqual({ a: { x: 16, y: 0 }, b: { x: 48, y: 16 }, c: { x: 100, y: 100 } });
  });

  it('makes one undo step a press', () => {
    const store = storeWith({ a: { x: 0, y: 0 } }, ['a']);
    nudgeSelection(store, 0, 16);
    nudgeSelection(store, 0, 64);
    expect(positions(store)).toEqual({ a: { x: 0, y: 80 } });
    undo(store);
    expect(positions(store)).toEqual({ a: { x: 0, y: 16 } });
    undo(store);
    expect(positions(store)).toEqual({ a: { x: 0, y: 0 } });
  });

  it('does nothing, and says so, with nothing selected', () => {
    const store = storeWith({ a: { x: 0, y: 0 } }, []);
    expect(nudgeSelection(store, 16, 0)).toBe(false);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
