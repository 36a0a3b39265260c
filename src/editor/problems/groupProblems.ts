import type { Problem } from '../../model';
import { problemText, sentence } from '../inspector/problemPaths';
import type { EditorDocument } from '../store/types';

/** Problems about one thing: the pipeline itself, one node or one edge. */
export interface ProblemGroup {
  readonly key: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  /** The node's name (or id), `Edge e1`, or `Pipeline`. */
  readonly title: string;
  readonly kind?: string;
  readonly items: readonly { readonly path: string; readonly text: string }[];
}

/** A problem's message without the "node 'x': " or "edge 'e1': " its group's title already says. */
export function withoutOwner(message: string): string {
  return message.replace(/^(node|edge) '(?:[^'\\]|\\.)*': /, '');
}

/**
 * Groups a pipeline's problems by what they are about, in the order a person
 * reads the document: the pipeline first, then nodes as they are listed, then
 * edges. Messages lose the "node 'x': " their group title already says, and
 * a node's read as its settings panel reads them (see {@link problemText}).
 */
export function groupProblems(doc: EditorDocument, problems: readonly Problem[]): ProblemGroup[] {
  const pipeline: Problem[] = [];
  const byNode = new Map<string, Problem[]>();
  const byEdge = new Map<string, Problem[]>();
  const add = (map: Map<string, Problem[]>, id: string, p: Problem): void => {
    map.set(id, [...(map.get(id) ?? []), p]);
  };
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  for (const p of problems) {
    if (p.nodeId !== undefined && nodeIds.has(p.nodeId)) add(byNode, p.nodeId, p);
    else if (p.edgeId !== undefined) add(byEdge, p.edgeId, p);
    else pipeline.push(p);
  }
  const items = (list: readonly Problem[]) => list.map((p) => ({ path: p.path, text: withoutOwner(p.message) }));
  // A node's problems read as its settings panel says them: params by their labels ("Key fields", not "fields"), list rows by their nouns.
  const nodeItems = (kind: string, list: readonly Problem[]) => list.map((p) => ({ path: p.path, text: sentence(problemText(kind, p.message)) }));
  const groups: ProblemGroup[] = [];
  if (pipeline.length > 0) groups.push({ key: 'pipeline', title: 'Pipeline', items: items(pipeline) });
  for (const node of doc.nodes) {
    const list = byNode.get(node.id);
    if (list !== undefined) groups.push({ key: `node:${node.id}`, nodeId: node.id, title: node.name ?? node.id, kind: node.kind, items: nodeItems(node.kind, list) });
  }
  const edgeOrder = [...doc.edges.map((e) => e.id), ...byEdge.keys()];
  for (const id of new Set(edgeOrder)) {
    const list = byEdge.get(id);
    if (list !== undefined) groups.push({ key: `edge:${id}`, edgeId: id, title: `Edge ${id}`, items: items(list) });
  }
  return groups;
}
