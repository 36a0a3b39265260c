/** Checks on ids and edge ends: what an edge names must exist and have the port it uses. */
import type { GraphIndex } from './graphIndex';
import { portsOf } from './kinds';
import { edgeLabel, formatPath, problem, type Problem } from './problems';
import type { Skeleton, SkeletonEdge, SkeletonNode } from './skeleton';
import { didYouMean, listOf, quote } from './text';

/** `duplicate node id 'a': ...` at every node or edge that reuses an earlier id. */
export function checkDuplicateIds(skeleton: Skeleton): Problem[] {
  const problems: Problem[] = [];
  const firstNode = new Map<string, number>();
  for (const node of skeleton.nodes) {
    const first = firstNode.get(node.id);
    if (first === undefined) firstNode.set(node.id, node.index);
    else {
      const message = `duplicate node id ${quote(node.id)}: nodes[${first}] and nodes[${node.index}] both use it`;
      problems.push(problem(formatPath(['nodes', node.index, 'id']), message, { nodeId: node.id }));
    }
  }
  const firstEdge = new Map<string, number>();
  for (const edge of skeleton.edges) {
    if (edge.id === undefined) continue;
    const first = firstEdge.get(edge.id);
    if (first === undefined) firstEdge.set(edge.id, edge.index);
    else {
      const message = `duplicate edge id ${quote(edge.id)}: edges[${first}] and edges[${edge.index}] both use it`;
      problems.push(problem(formatPath(['edges', edge.index, 'id']), message, { edgeId: edge.id }));
    }
  }
  return problems;
}

/** Every edge's `from` and `to` name existing nodes, and its ports are ports of theirs. */
export function checkEdgeEnds(graph: GraphIndex): Problem[] {
  const problems: Problem[] = [];
  const ids = [...graph.nodeById.keys()];
  for (const edge of graph.skeleton.edges) {
    for (const end of ['from', 'to'] as const) {
      const node = graph.nodeById.get(edge[end]);
      const found = node === undefined ? missingNode(edge, end, ids) : wrongPort(edge, end, node);
      if (found !== undefined) problems.push(found);
    }
  }
  return problems;
}

function missingNode(edge: SkeletonEdge, end: 'from' | 'to', ids: readonly string[]): Problem {
  const nodeId = edge[end];
  const message = `${edgeLabel(edge.index, edge.id)}: node ${quote(nodeId)} does not exist${didYouMean(nodeId, ids)}`;
  return problem(formatPath(['edges', edge.index, end]), message, { edgeId: edge.id });
}

function wrongPort(edge: SkeletonEdge, end: 'from' | 'to', node: SkeletonNode): Problem | undefined {
  // An unknown kind or an unreadable port is reported by the schema already.
  if (node.kind === null) return undefined;
  const leaving = end === 'from';
  const port = leaving ? edge.fromPort : edge.toPort;
  const ports = leaving ? portsOf(node.kind).outputs : portsOf(node.kind).inputs;
  if (port === null || ports.some((name) => name === port)) return undefined;
  const direction = leaving ? 'output' : 'input';
  const has =
    ports.length === 0 ? `${node.kind} nodes have no ${direction} ports` : `its ${direction} ports are ${listOf(ports)}`;
  const label = edgeLabel(edge.index, edge.id);
  const message = `${label}: node ${quote(node.id)} has no ${direction} port ${quote(port)}; ${has}`;
  return problem(formatPath(['edges', edge.index, leaving ? 'fromPort' : 'toPort']), message, { edgeId: edge.id });
}
