import { describe, expect, it } from 'vitest';
import { validate, type PipelineDocument } from '../model';
import { diffPipelines } from './pipelineDiff';
import { clickPipeline } from './testing/lessonPipelines';

function edited(doc: PipelineDocument, change: (raw: { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] }) => void): PipelineDocument {
  const raw = JSON.parse(JSON.stringify(doc)) as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
  change(raw);
  const checked = validate(raw);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return checked.document;
}

describe('diffPipelines', () => {
  it('finds no difference between a pipeline and itself, nor in moved nodes', () => {
    const moved = edited(clickPipeline(), (raw) => { raw.nodes[0]!['position'] = { x: 999, y: 5 }; });
    expect(diffPipelines(clickPipeline(), moved)).toEqual([]);
  });

  it('tells a changed duration as written', () => {
    expect(diffPipelines(clickPipeline(), clickPipeline({ maxOutOfOrderness: '15s' }))).toEqual([
      { path: 'nodes[0].params.maxOutOfOrderness', nodeId: 'clicks', kind: 'changed', text: "node 'clicks': maxOutOfOrderness 0ms → 15s" },
    ]);
  });

  it('tells added nodes and edges with their kind, name and ports, and removed ones by their place in the start', () => {
    const start = clickPipeline();
    const solution = edited(clickPipeline({ lateSink: true, allowedLateness: '5s' }), (raw) => { (raw.nodes[5]!)['name'] = 'Late clicks'; });
    expect(diffPipelines(start, solution).map((c) => [c.kind, c.path, c.text])).toEqual([
      ['changed', 'nodes[2].params.allowedLateness', "node 'w': allowedLateness 0ms → 5s"],
      ['added', 'nodes[5]', "node 'lateSink' added: sink.collect 'Late clicks'"],
      ['added', 'edges[4]', "edge 'w' (late port) → 'lateSink' added"],
    ]);
    expect(diffPipelines(solution, start).map((c) => [c.kind, c.path, c.text])).toEqual([
      ['changed', 'nodes[2].params.allowedLateness', "node 'w': allowedLateness 5s → 0ms"],
      ['removed', 'nodes[5]', "node 'lateSink' removed: sink.collect 'Late clicks'"],
      ['removed', 'edges[4]', "edge 'w' (late port) → 'lateSink' removed"],
    ]);
  });

  it('tells a node whose kind changed once, and edges the same whatever their ids', () => {
    const hopping = edited(clickPipeline(), (raw) => {
      raw.nodes[2] = { ...raw.nodes[2], kind: 'window.hopping', params: { size: '10s', slide: '5s' } };
      raw.edges = raw.edges.map((e, i) => ({ ...e, id: `renamed${i}` }));
    });
    expect(diffPipelines(clickPipeline(), hopping).map((c) => c.text)).toEqual(["node 'w': window.tumbling → window.hopping"]);
  });

  it('tells a changed list parameter as JSON', () => {
    const changed = edited(clickPipeline(), (raw) => {
      raw.nodes[3]!['params'] = { aggregations: [{ name: 'clicks', fn: 'count' }] };
      raw.nodes[4]!['params'] = {};
    });
    expect(diffPipelines(clickPipeline(), changed).map((c) => c.text)).toEqual([
      'node \'counts\': aggregations [{"name":"clicks","fn":"count"},{"name":"spent","fn":"sum","field":"amount"}] → [{"name":"clicks","fn":"count"}]',
    ]);
  });
});
