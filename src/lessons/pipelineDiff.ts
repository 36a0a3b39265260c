/**
 * The solution as a difference from the start: nodes added and removed,
 * parameters changed, edges added and removed, each in words. In this order:
 * changed nodes and added nodes in the solution's order, removed nodes in the
 * start's, then removed and added edges; a node's parameters by name.
 * Positions on the canvas are not a difference.
 */
import type { PipelineDocument, PipelineEdge, PipelineNode } from '../model';
import { formatPath } from '../model';

export interface PipelineChange {
  /** JSON path in the solution (or the start, for what was removed): `nodes[2].params.maxOutOfOrderness`. */
  readonly path: string;
  readonly nodeId?: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** "node 'src': maxOutOfOrderness 2s → 10s". */
  readonly text: string;
}

const LONGEST_VALUE = 80;

/** A parameter value as the document writes it: durations and other texts bare, the rest as JSON. */
function shown(value: unknown): string {
  if (value === undefined) return 'not set';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE - 1)}…` : text;
}

function described(node: PipelineNode): string {
  return node.name === undefined ? node.kind : `${node.kind} '${node.name}'`;
}

function paramsOf(node: PipelineNode): Readonly<Record<string, unknown>> {
  return node.params as Readonly<Record<string, unknown>>;
}

function nodeChanges(before: PipelineNode, after: PipelineNode, index: number): PipelineChange[] {
  const at = (...rest: (string | number)[]): string => formatPath(['nodes', index, ...rest]);
  const changed = (path: string, text: string): PipelineChange => ({ path, nodeId: after.id, kind: 'changed', text: `node '${after.id}': ${text}` });
  if (before.kind !== after.kind) return [changed(at('kind'), `${before.kind} → ${after.kind}`)];
  const changes: PipelineChange[] = [];
  if (before.name !== after.name) changes.push(changed(at('name'), `name ${shown(before.name)} → ${shown(after.name)}`));
  const a = paramsOf(before);
  const b = paramsOf(after);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const name of names) {
    const was = Object.hasOwn(a, name) ? a[name] : undefined;
    const is = Object.hasOwn(b, name) ? b[name] : undefined;
    if (JSON.stringify(was) !== JSON.stringify(is)) changes.push(changed(at('params', name), `${name} ${shown(was)} → ${shown(is)}`));
  }
  return changes;
}

/** Edges are the same when they join the same ports of the same nodes, whatever their ids. */
function edgeKey(edge: PipelineEdge): string {
  return JSON.stringify([edge.from, edge.fromPort, edge.to, edge.toPort]);
}

function edgeWords(edge: PipelineEdge): string {
  return `'${edge.from}'${edge.fromPort === 'out' ? '' : ` (${edge.fromPort} port)`} → '${edge.to}'`;
}

/** What changes from `from` (the start) to `to` (the solution), in words. */
export function diffPipelines(from: PipelineDocument, to: PipelineDocument): PipelineChange[] {
  const before = new Map(from.nodes.map((n) => [n.id, n]));
  const after = new Set(to.nodes.map((n) => n.id));
  const changes: PipelineChange[] = [];
  const added: PipelineChange[] = [];
  to.nodes.forEach((node, index) => {
    const was = before.get(node.id);
    if (was === undefined) added.push({ path: `nodes[${index}]`, nodeId: node.id, kind: 'added', text: `node '${node.id}' added: ${described(node)}` });
    else changes.push(...nodeChanges(was, node, index));
  });
  changes.push(...added);
  from.nodes.forEach((node, index) => {
    if (!after.has(node.id)) changes.push({ path: `nodes[${index}]`, nodeId: node.id, kind: 'removed', text: `node '${node.id}' removed: ${described(node)}` });
  });
  const edgesBefore = new Set(from.edges.map(edgeKey));
  const edgesAfter = new Set(to.edges.map(edgeKey));
  from.edges.forEach((edge, index) => {
    if (!edgesAfter.has(edgeKey(edge))) changes.push({ path: `edges[${index}]`, kind: 'removed', text: `edge ${edgeWords(edge)} removed` });
  });
  to.edges.forEach((edge, index) => {
    if (!edgesBefore.has(edgeKey(edge))) changes.push({ path: `edges[${index}]`, kind: 'added', text: `edge ${edgeWords(edge)} added` });
  });
  return changes;
}
