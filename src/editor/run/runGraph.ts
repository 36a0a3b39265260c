/**
 * What a run depends on in the editor's document: nodes (id, kind, params)
 * and edges, but not positions or names. Moving a node must not restart a
 * running pipeline; changing a parameter must.
 */
import { validate, type PipelineDocument } from '../../model';
import { toPipelineJson } from '../store/documentFormat';
import type { EditorDocument } from '../store/types';

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether two documents run the same. A drag keeps every node's params
 * object and the edges array, so the usual case is decided by identity;
 * otherwise the values are compared (an undo brings back equal copies).
 */
export function sameRunGraph(a: EditorDocument, b: EditorDocument): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const nodesAlike = a.nodes.every((n, i) => {
    const m = b.nodes[i]!;
    return n.id === m.id && n.kind === m.kind && sameJson(n.params, m.params);
  });
  return nodesAlike && (a.edges === b.edges || sameJson(a.edges, b.edges));
}

/** The document as the worker takes it, or the problems that keep it from running. */
export function runnableDocument(doc: EditorDocument): { ok: true; document: PipelineDocument } | { ok: false; problems: { nodeId: string; message: string }[] } {
  const checked = validate(JSON.parse(toPipelineJson(doc)));
  if (checked.ok) return { ok: true, document: checked.document };
  return { ok: false, problems: checked.problems.map((p) => ({ nodeId: p.nodeId ?? '', message: p.message })) };
}
