import { nodeSchema, type PipelineNode, type Problem } from '../../model';
import { compileNode } from '../../engine/plan/compileNode';
import type { EdgeSchema } from '../../engine/plan/types';
import type { EditorDocument, EditorNode } from '../store/types';
import { designInputOf } from '../files/designInputs';

type WindowNode = Extract<PipelineNode, { kind: `window.${string}` }>;

/** What best-effort propagation finds: a schema for every edge it could reach, and the compile problems on the way. */
export interface Propagation {
  readonly edgeSchemas: ReadonlyMap<string, EdgeSchema>;
  readonly problems: readonly Problem[];
}

/** Kinds whose output has the fields of their (first) input whatever their params say. */
const PASS_THROUGH = /^(transform\.filter|window\.)/;

// A stand-in for a window whose own params are invalid: only its presence changes the
// aggregate's output fields (window_start, window_end), never its size.
const STAND_IN_WINDOW: WindowNode = { id: 'window', kind: 'window.count', position: { x: 0, y: 0 }, params: { size: 1 } };

function parseNode(node: EditorNode): PipelineNode | null {
  const parsed = nodeSchema.safeParse({ id: node.id, kind: node.kind, position: node.position, params: node.params });
  return parsed.success ? parsed.data : null;
}

/** Node ids in topological order, skipping any caught in a cycle (the model reports cycles). */
function orderOf(doc: EditorDocument): string[] {
  const indegree = new Map<string, number>(doc.nodes.map((n) => [n.id, 0]));
  for (const e of doc.edges) if (indegree.has(e.to)) indegree.set(e.to, indegree.get(e.to)! + 1);
  const ready = doc.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const e of doc.edges) {
      if (e.from !== id || !indegree.has(e.to)) continue;
      const left = indegree.get(e.to)! - 1;
      indegree.set(e.to, left);
      if (left === 0) ready.push(e.to);
    }
  }
  return order;
}

/**
 * Schema propagation that carries on past mistakes: node by node in
 * topological order, each node whose params are valid and whose inputs are
 * known is compiled on its own. A filter or window with a problem still
 * passes its input's fields on, so a typo in one expression does not empty
 * every field picker downstream. The full compiler only answers for a valid
 * document; this answers for as much of an invalid one as can be read.
 */
export function propagateSchemas(doc: EditorDocument): Propagation {
  const byId = new Map(doc.nodes.map((n, index) => [n.id, { node: n, index }]));
  const outputs = new Map<string, Partial<Record<'out' | 'late', EdgeSchema>>>();
  const problems: Problem[] = [];
  for (const id of orderOf(doc)) {
    const { node, index } = byId.get(id)!;
    const incoming = doc.edges.filter((e) => e.to === id);
    const upstream = incoming.map((e) => outputs.get(e.from)?.[e.fromPort]);
    const isSource = node.kind.startsWith('source.');
    if (upstream.some((s) => s === undefined) || (!isSource && incoming.length === 0)) continue;
    const schemas = upstream as EdgeSchema[];
    // A stored file's fields stand in for the file (see designInputs.ts).
    const design = designInputOf(node, index);
    if (design !== null && !design.ok) {
      problems.push(design.problem);
      continue;
    }
    const parsed = parseNode(node);
    const compiled = parsed === null ? null : compileNode(parsed, index, {
      schemas, window: windowFeeding(node, incoming, byId), fileInput: design?.input, limit: 0,
    });
    if (compiled !== null && compiled.problems.length === 0) {
      outputs.set(id, compiled.outputs);
      continue;
    }
    // A file source without data: analyse lists that once (missingDataProblems); here its fields are just unknown.
    const missingData = node.kind === 'source.file' && parsed !== null && parsed.kind === 'source.file' && parsed.params.data === undefined;
    if (compiled !== null && !missingData) {
      for (const p of compiled.problems) problems.push({ nodeId: p.nodeId, path: p.path, message: p.message });
    }
    const first = schemas[0];
    if (PASS_THROUGH.test(node.kind) && first !== undefined) outputs.set(id, { out: first, late: first });
  }
  const edgeSchemas = new Map<string, EdgeSchema>();
  for (const e of doc.edges) {
    const schema = outputs.get(e.from)?.[e.fromPort];
    if (schema !== undefined) edgeSchemas.set(e.id, schema);
  }
  return { edgeSchemas, problems };
}

function windowFeeding(
  node: EditorNode,
  incoming: readonly EditorDocument['edges'][number][],
  byId: ReadonlyMap<string, { node: EditorNode }>,
): WindowNode | null {
  const edge = incoming[0];
  if (node.kind !== 'aggregate' || incoming.length !== 1 || edge === undefined || edge.fromPort !== 'out') return null;
  const feeder = byId.get(edge.from)?.node;
  if (feeder === undefined || !feeder.kind.startsWith('window.')) return null;
  const parsed = parseNode(feeder);
  return parsed !== null && parsed.kind.startsWith('window.') ? (parsed as WindowNode) : STAND_IN_WINDOW;
}
