import { describe, expect, it } from 'vitest';
import type { EditorDocument } from '../store/types';
import { groupProblems } from './groupProblems';

const doc: EditorDocument = {
  name: 'p',
  nodes: [
    { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: {} },
    { id: 'w', kind: 'window.tumbling', name: 'Per minute', position: { x: 0, y: 0 }, params: {} },
  ],
  edges: [{ id: 'e1', from: 'src', to: 'w', fromPort: 'out', toPort: 'in' }],
};

describe('groupProblems', () => {
  it('groups by node in document order, pipeline first and edges last, with names and kinds', () => {
    const groups = groupProblems(doc, [
      { nodeId: 'w', path: 'nodes[1].params.size', message: "node 'w': size is required" },
      { edgeId: 'e1', path: 'edges[0].to', message: "edge 'e1': leads nowhere" },
      { nodeId: 'src', path: 'nodes[0].params.stream', message: "node 'src': stream is required" },
      { path: 'name', message: 'name must be a string' },
      { nodeId: 'w', path: 'nodes[1]', message: "node 'w': a window must be followed by an aggregate" },
    ]);
    expect(groups.map((g) => [g.key, g.title, g.kind, g.items.map((i) => i.text)])).toEqual([
      ['pipeline', 'Pipeline', undefined, ['name must be a string']],
      ['node:src', 'src', 'source.sample', ['stream is required']],
      ['node:w', 'Per minute', 'window.tumbling', ['size is required', 'a window must be followed by an aggregate']],
      ['edge:e1', 'Edge e1', undefined, ['leads nowhere']],
    ]);
  });

  it('has nothing to group when there are no problems', () => {
    expect(groupProblems(doc, [])).toEqual([]);
  });
});
