import { CURRENT_VERSION, DOCUMENT_FORMAT, migrate, type Problem } from '../../model';
import { fromPipelineJson } from '../store/documentFormat';
import type { EditorDocument, EditorEdge, EditorNode } from '../store/types';

export type DocumentReading = { ok: true; doc: EditorDocument } | { ok: false; problems: Problem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * Reads a document the editor itself wrote (autosave, a share link): through
 * `migrate` and `validate` first, so an older version is upgraded and a valid
 * document is normalised exactly as an imported file would be.
 *
 * Unlike a file import, a document that is well formed but not yet valid (a
 * window still waiting for its aggregate, a size typed as "5 minutes") is
 * kept as it is: it is half-finished work, and it reopens with its problems in
 * the Problems panel, exactly as it was on screen. Only a value the editor
 * could never have held is refused, with validation's problems as the reason.
 */
export function readEditorDocument(value: unknown): DocumentReading {
  const migrated = migrate(value);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  let text: string;
  try {
    text = JSON.stringify(migrated.value) ?? 'null';
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `the saved document is not JSON: ${String(error)}` }] };
  }
  const strict = fromPipelineJson(text);
  if (strict.ok) return strict;
  const doc = editorShape(migrated.value);
  return doc === undefined ? strict : { ok: true, doc };
}

/** The value as an editor document when it has the shape the editor can hold, else undefined. */
function editorShape(value: unknown): EditorDocument | undefined {
  if (!isRecord(value) || value.format !== DOCUMENT_FORMAT || value.version !== CURRENT_VERSION) return undefined;
  if (typeof value.name !== 'string' || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return undefined;
  if (value.description !== undefined && typeof value.description !== 'string') return undefined;
  const nodes: EditorNode[] = [];
  for (const n of value.nodes as unknown[]) {
    if (!isRecord(n) || !nonEmptyString(n.id) || !nonEmptyString(n.kind)) return undefined;
    if (n.name !== undefined && typeof n.name !== 'string') return undefined;
    const position = n.position ?? { x: 0, y: 0 };
    if (!isRecord(position) || !isFiniteNumber(position.x) || !isFiniteNumber(position.y)) return undefined;
    const params = n.params ?? {};
    if (!isRecord(params)) return undefined;
    nodes.push({ id: n.id, kind: n.kind, ...(n.name === undefined ? {} : { name: n.name }), position: { x: position.x, y: position.y }, params });
  }
  const nodeIds = new Set(nodes.map((n) => n.id));
  if (nodeIds.size !== nodes.length) return undefined;
  const edges: EditorEdge[] = [];
  for (const e of value.edges as unknown[]) {
    if (!isRecord(e) || !nonEmptyString(e.id) || typeof e.from !== 'string' || typeof e.to !== 'string') return undefined;
    // The editor removes an edge with its node, so a dangling edge means the record is damaged.
    if (!nodeIds.has(e.from) || !nodeIds.has(e.to)) return undefined;
    const fromPort = e.fromPort ?? 'out';
    const toPort = e.toPort ?? 'in';
    if ((fromPort !== 'out' && fromPort !== 'late') || toPort !== 'in') return undefined;
    edges.push({ id: e.id, from: e.from, to: e.to, fromPort, toPort });
  }
  if (new Set(edges.map((e) => e.id)).size !== edges.length) return undefined;
  return { name: value.name, ...(value.description === undefined ? {} : { description: value.description }), nodes, edges };
}
