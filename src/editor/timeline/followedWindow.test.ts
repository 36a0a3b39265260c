import { describe, expect, it } from 'vitest';
import type { EditorDocument } from '../store/types';
import { followedWindow, windowNodes } from './followedWindow';

const node = (id: string, kind: string) => ({ id, kind, position: { x: 0, y: 0 }, params: {} });
const edge = (id: string, from: string, to: string) => ({ id, from, to, fromPort: 'out' as const, toPort: 'in' as const });
const doc: EditorDocument = {
  name: 'p',
  nodes: [node('src', 'source.sample'), node('w1', 'window.tumbling'), node('agg1', 'aggregate'), node('w2', 'window.session'), node('agg2', 'aggregate'), node('out', 'sink.collect')],
  edges: [
    edge('e1', 'src', 'w1'), edge('e2', 'w1', 'agg1'),
    edge('e3', 'src', 'w2'), edge('e4', 'w2', 'agg2'), edge('e5', 'agg1', 'out'),
  ],
};

describe('the window node the timeline follows', () => {
  it('is the selected window, or the window feeding the selected aggregate', () => {
    expect(followedWindow(doc, 'w2', 'w1')).toBe('w2');
    expect(followedWindow(doc, 'agg2', 'w1')).toBe('w2');
  });

  it('is the one chosen in the tab when the selection is no window, else the first', () => {
    expect(followedWindow(doc, 'out', 'w2')).toBe('w2');
    expect(followedWindow(doc, null, 'gone')).toBe('w1');
    expect(followedWindow({ ...doc, nodes: doc.nodes.filter((n) => !n.kind.startsWith('window.')) }, null, null)).toBeNull();
  });

  it('lists window nodes in document order', () => {
    expect(windowNodes(doc).map((w) => w.id)).toEqual(['w1', 'w2']);
  });
});
