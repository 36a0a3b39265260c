import type { PipelineDocument, PipelineEdge } from '../../model';

/** Node ids in topological order (Kahn's algorithm, ties broken by document order). The model refuses cycles first. */
export function topologicalOrder(doc: PipelineDocument): string[] {
  const indegree = new Map<string, number>(doc.nodes.map((n) => [n.id, 0]));
  for (const e of doc.edges) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  const order: string[] = [];
  const ready = doc.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const e of doc.edges) {
      if (e.from !== id) continue;
      const left = indegree.get(e.to)! - 1;
      indegree.set(e.to, left);
      if (left === 0) ready.push(e.to);
    }
  }
  return order;
}

/** The edges into a node, in document order. */
export function incomingEdges(doc: PipelineDocument, nodeId: string): PipelineEdge[] {
  return doc.edges.filter((e) => e.to === nodeId);
}
