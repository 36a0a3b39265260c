/** Finds cycles: a streaming pipeline is a DAG, and a loop would feed events back forever. */
import { connectsRealPorts, type GraphIndex } from './graphIndex';
import { formatPath, problem, type Problem } from './problems';
import type { SkeletonEdge } from './skeleton';

/** Enough to show the author the shape of the mistake without flooding the list. */
const MAX_CYCLES_REPORTED = 10;

interface Frame {
  readonly id: string;
  readonly out: readonly SkeletonEdge[];
  next: number;
}

/**
 * One problem per back edge of a depth-first walk, naming the loop
 * `a -> b -> a`. Iterative, so a long chain cannot overflow the stack.
 */
export function checkCycles(graph: GraphIndex): Problem[] {
  const problems: Problem[] = [];
  const done = new Set<string>();
  const onStack = new Map<string, number>();
  const outOf = (id: string) => (graph.edgesOutOf.get(id) ?? []).filter((edge) => connectsRealPorts(graph, edge));
  for (const start of graph.nodeById.keys()) {
    if (done.has(start)) continue;
    const stack: Frame[] = [{ id: start, out: outOf(start), next: 0 }];
    onStack.set(start, 0);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) break;
      const edge = frame.out[frame.next];
      if (edge === undefined) {
        stack.pop();
        onStack.delete(frame.id);
        done.add(frame.id);
        continue;
      }
      frame.next += 1;
      const depth = onStack.get(edge.to);
      if (depth !== undefined) {
        if (problems.length < MAX_CYCLES_REPORTED) problems.push(cycleProblem(stack, depth, edge));
      } else if (!done.has(edge.to)) {
        onStack.set(edge.to, stack.length);
        stack.push({ id: edge.to, out: outOf(edge.to), next: 0 });
      }
    }
  }
  return problems;
}

function cycleProblem(stack: readonly Frame[], depth: number, closing: SkeletonEdge): Problem {
  const ids = stack.slice(depth).map((frame) => frame.id);
  ids.push(closing.to);
  // A loop through hundreds of nodes reads better with its middle left out.
  const shown = ids.length > 20 ? [...ids.slice(0, 10), '...', ...ids.slice(-5)] : ids;
  return problem(formatPath(['edges', closing.index]), `the graph has a cycle: ${shown.join(' -> ')}`, {
    nodeId: closing.to,
    edgeId: closing.id,
  });
}
