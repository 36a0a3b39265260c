import type { PipelineDocument, PipelineEdge } from '../../model';

/**
 * Node ids in topological order (Kahn's algorithm, ties broken by document
 * order). The model refuses cycles first. A loop over lists built once, so a
 * 10,000-node chain takes linear time and no stack.
 */
export function topologicalOrder(doc: PipelineDocument): string[] {
  const indegree = new Map<string, number>(doc.nodes.map((n) => [n.id, 0]));
  const outgoing = new Map<string, string[]>();
  for (const e of doc.edges) {
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
    const targets = outgoing.get(e.from);
    if (targets === undefined) outgoing.set(e.from, [e.to]);
    else targets.push(e.to);
  }
  const order = doc.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  for (let next = 0; next < order.length; next++) {
    for (const to of outgoing.get(order[next]!) ?? []) {
      const left = indegree.get(to)! - 1;
      indegree.set(to, left);
      if (left === 0) order.push(to);
    }
  }
  return order;
}

/** The edges into each node, in document order (a node without any has no entry). */
export function incomingEdgesByNode(doc: PipelineDocument): ReadonlyMap<string, readonly PipelineEdge[]> {
  const incoming = new Map<string, PipelineEdge[]>();
  for (const e of doc.edges) {
    const list = incoming.get(e.to);
    if (list === undefined) incoming.set(e.to, [e]);
    else list.push(e);
  }
  return incoming;
}

