import { describe, expect, it } from 'vitest';
import type { PipelineEdgeInput, PipelineNodeInput } from './schema/document';
import { messagesOf, pipelineOf, problemsOf, sensorPipeline } from './testing/fixtures';

const source: PipelineNodeInput = { id: 'src', kind: 'source.sample', params: { stream: 'clicks' } };
const sink: PipelineNodeInput = { id: 'snk', kind: 'sink.collect' };
const filter = (id: string): PipelineNodeInput => ({ id, kind: 'transform.filter', params: { expr: 'true' } });
const edge = (id: string, from: string, to: string, fromPort?: 'out' | 'late'): PipelineEdgeInput =>
  fromPort === undefined ? { id, from, to } : { id, from, to, fromPort };

describe('graph checks', () => {
  it('reports a duplicate node id at the second node', () => {
    const document = pipelineOf([source, filter('a'), filter('a'), sink], [edge('e1', 'src', 'a'), edge('e2', 'a', 'snk')]);
    expect(problemsOf(document)).toContainEqual({
      nodeId: 'a',
      path: 'nodes[2].id',
      message: "duplicate node id 'a': nodes[1] and nodes[2] both use it",
    });
  });

  it('reports a duplicate edge id', () => {
    const document = pipelineOf([source, sink], [edge('e1', 'src', 'snk'), edge('e1', 'src', 'snk')]);
    expect(messagesOf(document)).toEqual(["duplicate edge id 'e1': edges[0] and edges[1] both use it"]);
  });

  it('says which node an edge names that does not exist, with a suggestion', () => {
    const document = pipelineOf([source, sink], [edge('e1', 'src', 'snk'), edge('e3', 'nope', 'snk'), edge('e4', 'src', 'snkk')]);
    expect(problemsOf(document)).toEqual([
      { edgeId: 'e3', path: 'edges[1].from', message: "edge 'e3': node 'nope' does not exist" },
      { edgeId: 'e4', path: 'edges[2].to', message: "edge 'e4': node 'snkk' does not exist (did you mean 'snk'?)" },
    ]);
  });

  it('says a node has no such output port, when an edge leaves a sink or uses late off a window', () => {
    const document = pipelineOf(
      [source, filter('f'), sink, { id: 'log', kind: 'sink.log' }],
      [edge('e1', 'src', 'f'), edge('e2', 'snk', 'log', 'late'), edge('e3', 'f', 'snk', 'late')],
    );
    expect(problemsOf(document)).toEqual([
      {
        edgeId: 'e2',
        path: 'edges[1].fromPort',
        message: "edge 'e2': node 'snk' has no output port 'late'; sink.collect nodes have no output ports",
      },
      {
        edgeId: 'e3',
        path: 'edges[2].fromPort',
        message: "edge 'e3': node 'f' has no output port 'late'; its output ports are 'out'",
      },
    ]);
  });

  it('says a source has no input port, when an edge enters it', () => {
    const document = pipelineOf([source, filter('f'), sink], [edge('e1', 'src', 'f'), edge('e2', 'f', 'src'), edge('e3', 'f', 'snk')]);
    expect(messagesOf(document)).toEqual([
      "edge 'e2': node 'src' has no input port 'in'; source.sample nodes have no input ports",
    ]);
  });

  it('needs exactly one input edge into single-input nodes', () => {
    const other: PipelineNodeInput = { id: 'src2', kind: 'source.sample', params: { stream: 'bids' } };
    const none = pipelineOf([source, filter('m'), sink], [edge('e1', 'm', 'snk'), edge('e2', 'src', 'snk')]);
    expect(problemsOf(none)).toEqual([
      { nodeId: 'm', path: 'nodes[1]', message: "node 'm': needs exactly one input edge, but has none" },
    ]);
    const two = pipelineOf([source, other, filter('m'), sink], [edge('e1', 'src', 'm'), edge('e2', 'src2', 'm'), edge('e3', 'm', 'snk')]);
    expect(messagesOf(two)).toEqual(["node 'm': needs exactly one input edge, but has 2"]);
  });

  it('needs one or more input edges into sinks and unions, and takes several', () => {
    const union: PipelineNodeInput = { id: 'u', kind: 'transform.union' };
    const other: PipelineNodeInput = { id: 'src2', kind: 'source.sample', params: { stream: 'bids' } };
    const lonely = pipelineOf([source, union, sink], [edge('e1', 'src', 'snk')]);
    expect(messagesOf(lonely)).toEqual([
      "node 'u': needs one or more input edges, but has none",
    ]);
    const merged = pipelineOf([source, other, union, sink], [edge('e1', 'src', 'u'), edge('e2', 'src2', 'u'), edge('e3', 'u', 'snk')]);
    expect(messagesOf(merged)).toEqual([]);
    const noInput = pipelineOf([source, sink], []);
    expect(messagesOf(noInput)).toEqual(["node 'snk': needs one or more input edges, but has none"]);
  });

  it('names the loop, when the graph has a cycle', () => {
    const document = pipelineOf(
      [source, { id: 'u', kind: 'transform.union' }, filter('a'), filter('b'), sink],
      [edge('e1', 'src', 'u'), edge('e2', 'u', 'a'), edge('e3', 'a', 'b'), edge('e4', 'b', 'u'), edge('e5', 'b', 'snk')],
    );
    expect(problemsOf(document)).toEqual([
      { nodeId: 'u', edgeId: 'e4', path: 'edges[3]', message: 'the graph has a cycle: u -> a -> b -> u' },
    ]);
  });

  it('reports a two-node cycle in the words of the spec', () => {
    const document = pipelineOf(
      [source, { id: 'a', kind: 'transform.union' }, filter('b'), sink],
      [edge('e1', 'src', 'a'), edge('e2', 'a', 'b'), edge('e3', 'b', 'a'), edge('e4', 'b', 'snk')],
    );
    expect(messagesOf(document)).toEqual(['the graph has a cycle: a -> b -> a']);
  });

  it('needs a window to be followed by an aggregate', () => {
    const document = sensorPipeline();
    document.edges = document.edges.filter((item) => item.id !== 'e3');
    document.edges.push(edge('e3', 'w', 'snk'));
    const problems = problemsOf(document);
    expect(problems).toContainEqual({
      nodeId: 'w',
      path: 'edges[4]',
      message: "node 'w': a window must be followed by an aggregate, but its out port leads to 'snk' (sink.log)",
    });
    document.edges.pop();
    expect(messagesOf(document)).toContain("node 'w': a window must be followed by an aggregate; connect its out port to an aggregate node");
  });

  it('needs a window to lead to exactly one aggregate', () => {
    const document = sensorPipeline();
    document.nodes.push({ id: 'agg2', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } });
    document.edges.push(edge('e6', 'w', 'agg2'), edge('e7', 'agg2', 'snk'));
    expect(messagesOf(document)).toEqual(["node 'w': a window's out port must lead to exactly one aggregate, but it has 2 edges"]);
  });

  it('lets a window send late events anywhere', () => {
    const document = sensorPipeline();
    document.nodes.push(filter('late_hot'));
    document.edges.push(edge('e6', 'w', 'late_hot', 'late'), edge('e7', 'late_hot', 'late'));
    expect(messagesOf(document)).toEqual([]);
  });

  it('rejects an aggregation named like a key field of the upstream keyBy', () => {
    const document = sensorPipeline();
    document.nodes[3] = { id: 'agg', kind: 'aggregate', params: { aggregations: [{ name: 'sensor', fn: 'count' }] } };
    expect(problemsOf(document)).toEqual([
      {
        nodeId: 'agg',
        path: 'nodes[3].params.aggregations[0].name',
        message: "node 'agg': aggregations[0].name 'sensor' collides with a key field of node 'k'; pick another name",
      },
    ]);
  });

  it('runs graph checks beside shape problems, skipping only what cannot be read', () => {
    const document = pipelineOf([source, { id: 'x', kind: 'nope' } as never, sink], [edge('e1', 'src', 'x'), edge('e2', 'x', 'snk'), edge('e3', 'x', 'gone')]);
    const messages = messagesOf(document);
    expect(messages[0]).toMatch(/^node 'x': unknown kind 'nope'/);
    expect(messages.slice(1)).toEqual(["edge 'e3': node 'gone' does not exist"]);
  });

  it('skips edge counting, when some edge cannot be read', () => {
    const document = pipelineOf([source, filter('f'), sink], [edge('e1', 'src', 'f'), { id: 'e2', from: 'f' } as never]);
    expect(messagesOf(document)).toEqual(["edge 'e2': to is required"]);
  });

  it('reports only the shape, when nodes or edges are not arrays', () => {
    expect(messagesOf({ ...sensorPipeline(), edges: {} })).toEqual(['edges must be an array, got an object']);
  });
});
