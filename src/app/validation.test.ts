import { describe, expect, it } from 'vitest';
import { problemCounts, verdictOf } from './validation';

const pipeline = {
  format: 'windowpane.pipeline',
  version: 1,
  name: 'Sensor averages',
  nodes: [
    { id: 'src', kind: 'source.sample', params: { stream: 'sensors' } },
    { id: 'w', kind: 'window.tumbling', params: { size: '1m' } },
    { id: 'avg', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
    { id: 'out', kind: 'sink.collect', params: {} },
  ],
  edges: [
    { id: 'e1', from: 'src', to: 'w' },
    { id: 'e2', from: 'w', to: 'avg' },
    { id: 'e3', from: 'avg', to: 'out' },
  ],
};

describe('verdictOf', () => {
  it('calls a well-formed pipeline valid', () => {
    expect(verdictOf(pipeline)).toEqual({ state: 'valid' });
  });

  it('reports problems, counted per node, when a node is wrong', () => {
    const broken = {
      ...pipeline,
      nodes: pipeline.nodes.map((node) => (node.id === 'w' ? { ...node, params: { size: 'soon' } } : node)),
    };
    const verdict = verdictOf(broken);
    expect(verdict.state).toBe('invalid');
    expect(problemCounts(verdict, 'nodeId').get('w')).toBeGreaterThan(0);
    expect(problemCounts(verdict, 'nodeId').has('src')).toBe(false);
  });

  it('reports problems rather than failing on something that is not a document', () => {
    expect(verdictOf('nope').state).toBe('invalid');
    expect(verdictOf(null).state).toBe('invalid');
  });
});
