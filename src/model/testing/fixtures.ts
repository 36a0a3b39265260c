/** Documents and helpers shared by the model's tests. */
import type { Problem } from '../problems';
import type { PipelineDocumentInput, PipelineEdgeInput, PipelineNodeInput } from '../schema/document';
import { validate } from '../validate';

/**
 * A small valid pipeline: sensors keyed by sensor, averaged per 1 minute
 * tumbling window, logged; late events go to a collect sink.
 */
export function sensorPipeline(): PipelineDocumentInput {
  return {
    format: 'windowpane.pipeline',
    version: 1,
    name: 'Sensor averages',
    nodes: [
      { id: 'src', kind: 'source.sample', params: { stream: 'sensors' } },
      { id: 'k', kind: 'transform.keyBy', params: { fields: ['sensor'] } },
      { id: 'w', kind: 'window.tumbling', params: { size: '1m' } },
      { id: 'agg', kind: 'aggregate', params: { aggregations: [{ name: 'avg_temp', fn: 'avg', field: 'temp' }] } },
      { id: 'snk', kind: 'sink.log', params: {} },
      { id: 'late', kind: 'sink.collect', params: {} },
    ],
    edges: [
      { id: 'e1', from: 'src', to: 'k' },
      { id: 'e2', from: 'k', to: 'w' },
      { id: 'e3', from: 'w', to: 'agg' },
      { id: 'e4', from: 'agg', to: 'snk' },
      { id: 'e5', from: 'w', to: 'late', fromPort: 'late' },
    ],
  };
}

/** A document of the given nodes and edges, with the envelope filled in. */
export function pipelineOf(nodes: PipelineNodeInput[], edges: PipelineEdgeInput[]): PipelineDocumentInput {
  return { format: 'windowpane.pipeline', version: 1, name: 'test', nodes, edges };
}

/** `sensorPipeline()` with one node's params replaced. */
export function withParams(id: string, params: unknown): unknown {
  const document = sensorPipeline();
  return {
    ...document,
    nodes: document.nodes.map((node) => (node.id === id ? { ...node, params } : node)),
  };
}

/** The problems validate reports (empty when the document is valid). */
export function problemsOf(input: unknown): Problem[] {
  const result = validate(input);
  return result.ok ? [] : result.problems;
}

/** Just the messages, for readable assertions. */
export function messagesOf(input: unknown): string[] {
  return problemsOf(input).map((item) => item.message);
}
