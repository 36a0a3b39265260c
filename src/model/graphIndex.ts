/** Lookups over a skeleton that several graph checks share. */
import { portsOf } from './kinds';
import type { Skeleton, SkeletonEdge, SkeletonNode } from './skeleton';

export interface GraphIndex {
  readonly skeleton: Skeleton;
  /** The first node with each id (later duplicates are reported, not indexed). */
  readonly nodeById: ReadonlyMap<string, SkeletonNode>;
  /** Edges entering each node id, whatever their port. */
  readonly edgesInto: ReadonlyMap<string, readonly SkeletonEdge[]>;
  /** Edges leaving each node id, whatever their port. */
  readonly edgesOutOf: ReadonlyMap<string, readonly SkeletonEdge[]>;
}

/** Builds the lookups; Maps rather than objects so an id like `__proto__` is just a key. */
export function indexGraph(skeleton: Skeleton): GraphIndex {
  const nodeById = new Map<string, SkeletonNode>();
  for (const node of skeleton.nodes) if (!nodeById.has(node.id)) nodeById.set(node.id, node);
  const edgesInto = new Map<string, SkeletonEdge[]>();
  const edgesOutOf = new Map<string, SkeletonEdge[]>();
  for (const edge of skeleton.edges) {
    push(edgesInto, edge.to, edge);
    push(edgesOutOf, edge.from, edge);
  }
  return { skeleton, nodeById, edgesInto, edgesOutOf };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * True when both ends of the edge exist and its ports are real ones (or the
 * node's kind is unknown, so nothing can be said). Edges that fail this are
 * reported once by the edge checks and left out of the cycle search.
 */
export function connectsRealPorts(graph: GraphIndex, edge: SkeletonEdge): boolean {
  const from = graph.nodeById.get(edge.from);
  const to = graph.nodeById.get(edge.to);
  if (from === undefined || to === undefined) return false;
  const fromOk = from.kind === null || portsOf(from.kind).outputs.some((port) => port === edge.fromPort);
  const toOk = to.kind === null || portsOf(to.kind).inputs.some((port) => port === edge.toPort);
  return fromOk && toOk;
}
