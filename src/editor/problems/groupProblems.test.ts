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
      ['node:src', 'src', 'source.sample', ['Stream is required']],
      ['node:w', 'Per minute', 'window.tumbling', ['Size is required', 'A window must be followed by an aggregate']],
      ['edge:e1', 'Edge e1', undefined, ['leads nowhere']],
    ]);
  });

  it("names a node's params by the labels its settings panel shows, not by their keys", () => {
    const labelled: EditorDocument = {
      name: 'p',
      nodes: [
        { id: 'k', kind: 'transform.keyBy', name: 'Key by', position: { x: 0, y: 0 }, params: { fields: [] } },
        { id: 'c', kind: 'sink.chart', position: { x: 0, y: 0 }, params: { y: '' } },
        { id: 'w', kind: 'window.cumulate', position: { x: 0, y: 0 }, params: {} },
        { id: 'f', kind: 'transform.filter', position: { x: 0, y: 0 }, params: {} },
      ],
      edges: [],
    };
    const groups = groupProblems(labelled, [
      { nodeId: 'k', path: 'nodes[0].params.fields', message: "node 'k': fields needs at least 1 entry" },
      { nodeId: 'c', path: 'nodes[1].params.y', message: "node 'c': y is empty: choose a field" },
      { nodeId: 'w', path: 'nodes[2].params.maxSize', message: "node 'w': maxSize must be a whole multiple of step" },
      { nodeId: 'f', path: 'nodes[3].params.expr', message: "node 'f': expr: unknown field 'temprature'" },
      { nodeId: 'f', path: '', message: "Can't run: the worker could not start" },
    ]);
    expect(groups.map((g) => g.items.map((i) => i.text))).toEqual([
      ['Key fields needs at least 1 entry'],
      ['Y field is empty: choose a field'],
      ['Max size must be a whole multiple of step'],
      ["Condition: unknown field 'temprature'", "Can't run: the worker could not start"],
    ]);
  });

  it('has nothing to group when there are no problems', () => {
    expect(groupProblems(doc, [])).toEqual([]);
  });
});
