import { DOCUMENT_FORMAT, isNodeKind, migrate, parsePipelineJson, portsOf } from '../../model';
import { toPipelineJson } from '../store/documentFormat';
import { selectionToFragment } from '../store/fragment';
import type { EditorDocument, EditorEdge, EditorNode, Selection } from '../store/types';

/** Pipeline JSON holding the selected nodes and the edges between them, or null when no node is selected. */
export function copySelection(doc: EditorDocument, selection: Selection): string | null {
  if (selection.nodes.length === 0) return null;
  return toPipelineJson(selectionToFragment(doc, selection));
}

type Read = { ok: true; fragment: EditorDocument } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readNode(raw: unknown, index: number): EditorNode | string {
  const at = `nodes[${index}]`;
  if (!isRecord(raw)) return `${at} is not an object`;
  const { id, kind, name, position, params } = raw;
  if (typeof id !== 'string' || id === '') return `${at}.id must be a non-empty string`;
  if (!isNodeKind(kind)) return `${at}.kind ${JSON.stringify(kind)} is not a node kind`;
  if (name !== undefined && typeof name !== 'string') return `${at}.name must be a string`;
  const x = isRecord(position) ? position.x : 0;
  const y = isRecord(position) ? position.y : 0;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return `${at}.position must hold numbers x and y`;
  if (params !== undefined && !isRecord(params)) return `${at}.params must be an object`;
  return { id, kind, ...(name === undefined ? {} : { name }), position: { x, y }, params: params ?? {} };
}

function readEdge(raw: unknown, index: number, nodes: ReadonlyMap<string, EditorNode>): EditorEdge | string {
  const at = `edges[${index}]`;
  if (!isRecord(raw)) return `${at} is not an object`;
  const { id, from, to, fromPort = 'out', toPort = 'in' } = raw;
  if (typeof id !== 'string' || id === '') return `${at}.id must be a non-empty string`;
  const source = typeof from === 'string' ? nodes.get(from) : undefined;
  if (source === undefined || typeof to !== 'string' || !nodes.has(to)) return `${at} must join two nodes of the pasted pipeline`;
  if ((fromPort !== 'out' && fromPort !== 'late') || !isNodeKind(source.kind) || !portsOf(source.kind).outputs.includes(fromPort)) return `${at}.fromPort ${JSON.stringify(fromPort)} is not an output of '${source.id}'`;
  const target = nodes.get(to)!;
  if (toPort !== 'in' || !isNodeKind(target.kind) || portsOf(target.kind).inputs.length === 0) return `${at} enters '${to}', which takes no input`;
  return { id, from: source.id, to, fromPort, toPort };
}

/**
 * Reads clipboard text as pipeline JSON for pasting. A copied fragment is
 * a pipeline document whose graph may be unfinished (a window without its
 * aggregate, a filter without its input), and params are kept as written,
 * so only the shape is checked here: problems of the pasted nodes show on
 * the canvas like any others.
 */
export function readFragment(text: string): Read {
  const parsed = parsePipelineJson(text.trim());
  if (!parsed.ok) return { ok: false, reason: 'The clipboard does not hold pipeline JSON' };
  const migrated = migrate(parsed.value);
  if (!migrated.ok) return { ok: false, reason: migrated.problem.message };
  const root = migrated.value;
  if (!isRecord(root) || root.format !== DOCUMENT_FORMAT) return { ok: false, reason: 'The clipboard does not hold a Windowpane pipeline' };
  if (!Array.isArray(root.nodes) || (root.edges !== undefined && !Array.isArray(root.edges))) return { ok: false, reason: 'The pasted pipeline needs a list of nodes and of edges' };
  const nodes: EditorNode[] = [];
  for (const [i, raw] of root.nodes.entries()) {
    const node = readNode(raw, i);
    if (typeof node === 'string') return { ok: false, reason: `Cannot paste: ${node}` };
    nodes.push(node);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (byId.size !== nodes.length) return { ok: false, reason: 'Cannot paste: two nodes share an id' };
  const edges: EditorEdge[] = [];
  for (const [i, raw] of ((root.edges as unknown[] | undefined) ?? []).entries()) {
    const edge = readEdge(raw, i, byId);
    if (typeof edge === 'string') return { ok: false, reason: `Cannot paste: ${edge}` };
    edges.push(edge);
  }
  if (nodes.length === 0) return { ok: false, reason: 'The pasted pipeline has no nodes' };
  return { ok: true, fragment: { name: typeof root.name === 'string' ? root.name : '', nodes, edges } };
}
