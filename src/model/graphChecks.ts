/**
 * Checks that need the whole graph: unique ids, edges between existing
 * nodes and ports, input counts, windows feeding aggregates, no cycles, and
 * aggregation names clear of key fields.
 */
import { checkCycles } from './cycles';
import { checkDuplicateIds, checkEdgeEnds } from './edgeChecks';
import { indexGraph, type GraphIndex } from './graphIndex';
import { checkKeyCollisions } from './keyCollisions';
import { AGGREGATE, familyOf, portsOf } from './kinds';
import { formatPath, nodeLabel, problem, type Problem } from './problems';
import type { Skeleton, SkeletonEdge, SkeletonNode } from './skeleton';
import { quote } from './text';

/** Every graph problem of a skeleton, in a stable order. */
export function checkGraph(skeleton: Skeleton): Problem[] {
  const graph = indexGraph(skeleton);
  const problems = [...checkDuplicateIds(skeleton), ...checkEdgeEnds(graph)];
  // Counting edges is only fair when every edge could be read.
  if (skeleton.edgesComplete) problems.push(...checkInputCounts(graph), ...checkWindowOutputs(graph));
  problems.push(...checkCycles(graph), ...checkKeyCollisions(graph));
  return problems;
}

function checkInputCounts(graph: GraphIndex): Problem[] {
  const problems: Problem[] = [];
  for (const node of graph.nodeById.values()) {
    if (node.kind === null) continue;
    const count = graph.edgesInto.get(node.id)?.length ?? 0;
    const arity = portsOf(node.kind).inputArity;
    let need: string | undefined;
    if (arity === 'one' && count !== 1) need = 'needs exactly one input edge';
    if (arity === 'oneOrMore' && count === 0) need = 'needs one or more input edges';
    // Edges into a source are already reported as a missing input port.
    if (need === undefined) continue;
    const message = `${nodeLabel(node.index, node.id)}: ${need}, but has ${count === 0 ? 'none' : count}`;
    problems.push(problem(formatPath(['nodes', node.index]), message, { nodeId: node.id }));
  }
  return problems;
}

/** A window alone means nothing: its `out` port must feed exactly one aggregate. */
function checkWindowOutputs(graph: GraphIndex): Problem[] {
  const problems: Problem[] = [];
  for (const node of graph.nodeById.values()) {
    if (node.kind === null || familyOf(node.kind) !== 'window') continue;
    const outs = (graph.edgesOutOf.get(node.id) ?? []).filter((edge) => edge.fromPort === 'out');
    const found = windowOutputProblem(graph, node, outs);
    if (found !== undefined) problems.push(found);
  }
  return problems;
}

function windowOutputProblem(
  graph: GraphIndex,
  node: SkeletonNode,
  outs: readonly SkeletonEdge[],
): Problem | undefined {
  const label = nodeLabel(node.index, node.id);
  const owner = { nodeId: node.id };
  const nodePath = formatPath(['nodes', node.index]);
  const rule = 'a window must be followed by an aggregate';
  if (outs.length === 0) {
    return problem(nodePath, `${label}: ${rule}; connect its out port to an aggregate node`, owner);
  }
  for (const edge of outs) {
    const target = graph.nodeById.get(edge.to);
    // Missing targets and unknown kinds are reported elsewhere.
    if (target?.kind == null || target.kind === AGGREGATE) continue;
    const message = `${label}: ${rule}, but its out port leads to ${quote(edge.to)} (${target.kind})`;
    return problem(formatPath(['edges', edge.index]), message, owner);
  }
  if (outs.length > 1) {
    const message = `${label}: a window's out port must lead to exactly one aggregate, but it has ${outs.length} edges`;
    return problem(nodePath, message, owner);
  }
  return undefined;
}
