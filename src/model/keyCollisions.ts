/**
 * An aggregate's output rows carry the key fields beside the aggregation
 * fields (FORMAT.md, Results), so an aggregation may not reuse a key's name.
 */
import type { GraphIndex } from './graphIndex';
import { TRANSFORM_KEY_BY, familyOf, portsOf } from './kinds';
import { formatPath, nodeLabel, problem, type Problem } from './problems';
import type { SkeletonNode } from './skeleton';
import { quote } from './text';

/** One problem per aggregation whose name is a key field of the upstream keyBy. */
export function checkKeyCollisions(graph: GraphIndex): Problem[] {
  const problems: Problem[] = [];
  for (const node of graph.nodeById.values()) {
    if (node.aggregationNames === null) continue;
    const keyBy = upstreamKeyBy(graph, node);
    if (keyBy?.keyFields == null) continue;
    const keys = new Set(keyBy.keyFields);
    node.aggregationNames.forEach((name, index) => {
      if (name === null || !keys.has(name)) return;
      const path = formatPath(['nodes', node.index, 'params', 'aggregations', index, 'name']);
      const clash = `aggregations[${index}].name ${quote(name)} collides with a key field of node ${quote(keyBy.id)}`;
      problems.push(problem(path, `${nodeLabel(node.index, node.id)}: ${clash}; pick another name`, { nodeId: node.id }));
    });
  }
  return problems;
}

/**
 * The nearest keyBy up a chain of single-input nodes. A union or a source
 * ends the search: past a merge there is no single key to speak of.
 */
function upstreamKeyBy(graph: GraphIndex, start: SkeletonNode): SkeletonNode | undefined {
  const seen = new Set<string>([start.id]);
  let current = start;
  for (;;) {
    const inputs = graph.edgesInto.get(current.id) ?? [];
    const edge = inputs.length === 1 ? inputs[0] : undefined;
    const upstream = edge === undefined ? undefined : graph.nodeById.get(edge.from);
    // Cycles are reported elsewhere; here they just end the walk.
    if (upstream === undefined || upstream.kind === null || seen.has(upstream.id)) return undefined;
    if (upstream.kind === TRANSFORM_KEY_BY) return upstream;
    if (familyOf(upstream.kind) === 'source' || portsOf(upstream.kind).inputArity === 'oneOrMore') return undefined;
    seen.add(upstream.id);
    current = upstream;
  }
}
