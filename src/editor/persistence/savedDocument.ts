import { CURRENT_VERSION, DOCUMENT_FORMAT, isNodeKind, migrate, type Problem } from '../../model';
import { readImport } from '../documents/transfer';
import type { EditorDocument, EditorEdge, EditorNode } from '../store/types';

export type DocumentReading = { ok: true; doc: EditorDocument } | { ok: false; problems: Problem[] };

/**
 * Where a problem may sit in a document that still opens: inside a node's
 * params (a size typed as "5 minutes", an aggregation without its function),
 * on the node or the edge as a whole (a window not yet followed by its
 * aggregate, a cycle), or on a name or description. These are what editing
 * leaves behind half-way, and the editor shows and lets you fix them.
 * Anything else (the format, a node's id or kind, an edge's ends or ports)
 * is the graph itself, which the editor never gets wrong: a document with a
 * problem there was not written by it, and is refused.
 */
const HELD = /^(?:name|description|nodes\[\d+\](?:\.name|\.params(?:[.[].*)?)?|edges\[\d+\])$/;

/** Whether the editor can show a document with this problem and let the user fix it (see {@link HELD}). */
export function isHeldInEditor(problem: Problem): boolean {
  return HELD.test(problem.path);
}

const DOCUMENT_KEYS = new Set(['format', 'version', 'name', 'description', 'nodes', 'edges']);
const NODE_KEYS = new Set(['id', 'kind', 'name', 'position', 'params']);
const EDGE_KEYS = new Set(['id', 'from', 'to', 'fromPort', 'toPort']);
const POSITION_KEYS = new Set(['x', 'y']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record with no keys but `allowed` ones, read through own properties only. */
function strictRecord(value: unknown, allowed: ReadonlySet<string>): Map<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (!keys.every((k) => allowed.has(k))) return undefined;
  return new Map(keys.map((k) => [k, value[k]]));
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * Reads pipeline JSON that the editor keeps or receives (a share link, an
 * autosaved document): through exactly the check an import goes through
 * ({@link readImport}: parse, `migrate`, `validate`), so the same document
 * gets the same problems at the same JSON paths however it arrives.
 *
 * A valid document opens as an import would. An invalid one opens only when
 * every problem is of the kind editing leaves half-way ({@link isHeldInEditor})
 * and the graph itself is sound; it then reopens with its problems in the
 * Problems panel, exactly as it was on screen. Otherwise it is refused with
 * every problem validation found.
 */
export function readEditorJson(text: string): DocumentReading {
  const checked = readImport(text);
  if (checked.ok || !checked.problems.every(isHeldInEditor)) return checked;
  let migrated: ReturnType<typeof migrate>;
  try {
    migrated = migrate(JSON.parse(text));
  } catch {
    return checked;
  }
  const doc = migrated.ok ? editorShape(migrated.value) : undefined;
  return doc === undefined ? checked : { ok: true, doc };
}

/** {@link readEditorJson} for a value already parsed (a record from IndexedDB). */
export function readEditorDocument(value: unknown): DocumentReading {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `the saved document is not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (text === undefined) return { ok: false, problems: [{ path: '', message: 'the saved document is missing' }] };
  return readEditorJson(text);
}

/**
 * The document as the editor holds it, when its graph is one the editor could
 * have made: the current format, known kinds, unique ids, finite positions,
 * edges between existing nodes on real ports, and no keys the format lacks.
 * Params are kept as written, whatever their problems.
 */
function editorShape(raw: unknown): EditorDocument | undefined {
  const value = strictRecord(raw, DOCUMENT_KEYS);
  if (value === undefined || value.get('format') !== DOCUMENT_FORMAT || value.get('version') !== CURRENT_VERSION) return undefined;
  const name = value.get('name');
  const description = value.get('description');
  const rawNodes = value.get('nodes');
  const rawEdges = value.get('edges');
  if (typeof name !== 'string' || !Array.isArray(rawNodes) || !Array.isArray(rawEdges)) return undefined;
  if (description !== undefined && typeof description !== 'string') return undefined;
  const nodes: EditorNode[] = [];
  for (const item of rawNodes as unknown[]) {
    const node = readNode(item);
    if (node === undefined) return undefined;
    nodes.push(node);
  }
  const nodeIds = new Set(nodes.map((n) => n.id));
  if (nodeIds.size !== nodes.length) return undefined;
  const edges: EditorEdge[] = [];
  for (const item of rawEdges as unknown[]) {
    const edge = readEdge(item, nodeIds);
    if (edge === undefined) return undefined;
    edges.push(edge);
  }
  if (new Set(edges.map((e) => e.id)).size !== edges.length) return undefined;
  return { name, ...(description === undefined ? {} : { description }), nodes, edges };
}

function readNode(item: unknown): EditorNode | undefined {
  const n = strictRecord(item, NODE_KEYS);
  if (n === undefined) return undefined;
  const id = n.get('id');
  const kind = n.get('kind');
  const name = n.get('name');
  if (!nonEmptyString(id) || !isNodeKind(kind) || (name !== undefined && typeof name !== 'string')) return undefined;
  const position = strictRecord(n.get('position') ?? { x: 0, y: 0 }, POSITION_KEYS);
  const x = position?.get('x');
  const y = position?.get('y');
  if (!isFiniteNumber(x) || !isFiniteNumber(y)) return undefined;
  const params = n.get('params') ?? {};
  if (!isRecord(params)) return undefined;
  return { id, kind, ...(name === undefined ? {} : { name }), position: { x, y }, params };
}

function readEdge(item: unknown, nodeIds: ReadonlySet<string>): EditorEdge | undefined {
  const e = strictRecord(item, EDGE_KEYS);
  if (e === undefined) return undefined;
  const id = e.get('id');
  const from = e.get('from');
  const to = e.get('to');
  if (!nonEmptyString(id) || typeof from !== 'string' || typeof to !== 'string') return undefined;
  // The editor removes an edge with its node, so a dangling edge means the record is damaged.
  if (!nodeIds.has(from) || !nodeIds.has(to)) return undefined;
  const fromPort = e.get('fromPort') ?? 'out';
  const toPort = e.get('toPort') ?? 'in';
  if ((fromPort !== 'out' && fromPort !== 'late') || toPort !== 'in') return undefined;
  return { id, from, to, fromPort, toPort };
}
