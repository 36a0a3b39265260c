/**
 * The graph as far as it can be read from a document that may not have
 * passed the schema: node ids and kinds, edge ends and ports. Graph checks
 * run on this, so a typo in one node's params does not hide a cycle elsewhere.
 */
import { isNodeKind, TRANSFORM_KEY_BY, AGGREGATE, type NodeKind } from './kinds';
import { isRecord, ownValue } from './rawAccess';

export interface SkeletonNode {
  readonly index: number;
  readonly id: string;
  /** null when the kind is unknown (already reported by the schema). */
  readonly kind: NodeKind | null;
  /** keyBy nodes: the key fields, when readable. */
  readonly keyFields: readonly string[] | null;
  /** aggregate nodes: the aggregation names, null entries where unreadable. */
  readonly aggregationNames: readonly (string | null)[] | null;
}

export interface SkeletonEdge {
  readonly index: number;
  readonly id: string | undefined;
  readonly from: string;
  readonly to: string;
  /** null when unreadable (already reported by the schema). */
  readonly fromPort: string | null;
  readonly toPort: string | null;
}

export interface Skeleton {
  readonly nodes: readonly SkeletonNode[];
  readonly edges: readonly SkeletonEdge[];
  /** False when some edge had no readable ends: counts of inputs and outputs cannot be trusted. */
  readonly edgesComplete: boolean;
}

/** The readable graph, or null when `nodes` or `edges` is not even an array. */
export function readSkeleton(root: unknown): Skeleton | null {
  const rawNodes = ownValue(root, 'nodes');
  const rawEdges = ownValue(root, 'edges');
  if (!isRecord(root) || !Array.isArray(rawNodes) || !Array.isArray(rawEdges)) return null;
  const nodes: SkeletonNode[] = [];
  rawNodes.forEach((raw: unknown, index) => {
    const id = ownValue(raw, 'id');
    if (typeof id !== 'string') return;
    const kindValue = ownValue(raw, 'kind');
    const kind = isNodeKind(kindValue) ? kindValue : null;
    const params = ownValue(raw, 'params');
    nodes.push({
      index,
      id,
      kind,
      keyFields: kind === TRANSFORM_KEY_BY ? stringList(ownValue(params, 'fields')) : null,
      aggregationNames: kind === AGGREGATE ? aggregationNames(ownValue(params, 'aggregations')) : null,
    });
  });
  const edges: SkeletonEdge[] = [];
  let edgesComplete = true;
  rawEdges.forEach((raw: unknown, index) => {
    const from = ownValue(raw, 'from');
    const to = ownValue(raw, 'to');
    if (typeof from !== 'string' || typeof to !== 'string') {
      edgesComplete = false;
      return;
    }
    const id = ownValue(raw, 'id');
    edges.push({
      index,
      id: typeof id === 'string' ? id : undefined,
      from,
      to,
      fromPort: portOf(ownValue(raw, 'fromPort'), 'out'),
      toPort: portOf(ownValue(raw, 'toPort'), 'in'),
    });
  });
  return { nodes, edges, edgesComplete };
}

function portOf(value: unknown, fallback: string): string | null {
  if (value === undefined) return fallback;
  return typeof value === 'string' ? value : null;
}

function stringList(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter((item): item is string => typeof item === 'string');
}

function aggregationNames(value: unknown): (string | null)[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((spec: unknown) => {
    const name = ownValue(spec, 'name');
    return typeof name === 'string' ? name : null;
  });
}
