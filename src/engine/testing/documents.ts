import { validate, type PipelineDocument } from '../../model';

type NodeSpec = { id: string; kind: string; params?: Record<string, unknown> };

/**
 * Builds a validated document from nodes in a chain (or explicit edges), so
 * tests read as pipelines. Throws with the model's problems when invalid.
 */
export function pipeline(nodes: NodeSpec[], edges?: { from: string; to: string; fromPort?: string }[]): PipelineDocument {
  const chain = edges ?? nodes.slice(1).map((n, i) => ({ from: nodes[i]!.id, to: n.id }));
  const result = validate({
    format: 'windowpane.pipeline', version: 1, name: 'test',
    nodes: nodes.map((n) => ({ ...n, params: n.params ?? {} })),
    edges: chain.map((e, i) => ({ id: `e${i}`, ...e })),
  });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.document;
}

/** Inline NDJSON data for a file source from plain objects. */
export function ndjsonData(rows: readonly Record<string, unknown>[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n');
}
