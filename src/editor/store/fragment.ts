import { freshEdgeId, freshNodeId } from './nodeDefaults';
import type { EditorDocument, EditorEdge, EditorNode, Selection } from './types';

/** The format of copied nodes on the clipboard: a pipeline document holding just them. */
export function selectionToFragment(doc: EditorDocument, selection: Selection): EditorDocument {
  const ids = new Set(selection.nodes);
  return {
    name: doc.name,
    nodes: doc.nodes.filter((n) => ids.has(n.id)),
    edges: doc.edges.filter((e) => ids.has(e.from) && ids.has(e.to)),
  };
}

/**
 * Gives pasted nodes fresh ids (keeping the edges between them) and shifts
 * them by `offset`, so a paste lands beside the original instead of on top.
 */
export function rekeyFragment(doc: EditorDocument, fragment: EditorDocument, offset: { x: number; y: number }): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const rename = new Map<string, string>();
  let working: EditorDocument = doc;
  const nodes: EditorNode[] = [];
  for (const n of fragment.nodes) {
    const id = freshNodeId(working, n.kind);
    rename.set(n.id, id);
    const node: EditorNode = { ...n, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
    nodes.push(node);
    working = { ...working, nodes: [...working.nodes, node] };
  }
  const edges: EditorEdge[] = [];
  for (const e of fragment.edges) {
    const from = rename.get(e.from);
    const to = rename.get(e.to);
    if (from === undefined || to === undefined) continue;
    const edge: EditorEdge = { ...e, id: freshEdgeId(working), from, to };
    edges.push(edge);
    working = { ...working, edges: [...working.edges, edge] };
  }
  return { nodes, edges };
}
