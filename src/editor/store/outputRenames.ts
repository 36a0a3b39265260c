/**
 * When an aggregation's output field is renamed, the nodes after it that
 * name that field (a chart's y and series, a later key-by or aggregate)
 * follow, in the same change, so a rename is one undo step and breaks
 * nothing. Tables name no fields: their columns follow by themselves.
 */
import { targetsByNode } from './edgeTargets';
import type { EditorDocument, EditorNode } from './types';

type Row = Readonly<Record<string, unknown>>;

function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter((v): v is Row => typeof v === 'object' && v !== null) : [];
}

function nameOf(row: Row | undefined): string | null {
  const name = row?.['name'];
  return typeof name === 'string' && name !== '' ? name : null;
}

/**
 * The output fields an aggregate's params change renames, old name to new:
 * rows in the same place whose name changed, when the list kept its length
 * (adding or removing a row renames nothing) and the new name is not another
 * row's already (that would point readers at a different result).
 */
export function renamedOutputs(kind: string, before: Row, after: Row): Map<string, string> {
  const renames = new Map<string, string>();
  if (kind !== 'aggregate') return renames;
  const old = rowsOf(before['aggregations']);
  const now = rowsOf(after['aggregations']);
  if (old.length !== now.length) return renames;
  const oldNames = new Set(old.map(nameOf));
  now.forEach((row, i) => {
    const from = nameOf(old[i]);
    const to = nameOf(row);
    if (from === null || to === null || from === to || oldNames.has(to)) return;
    if (now.filter((r) => nameOf(r) === from).length > 0) return;
    renames.set(from, to);
  });
  return renames;
}

/** Kinds whose output carries their input's fields unchanged, so a field renamed before them is still read after them. */
function passesFields(node: EditorNode): boolean {
  if (/^(transform\.(filter|keyBy|union)|window\.)/.test(node.kind)) return true;
  return node.kind === 'transform.map' && node.params['keep'] !== false;
}

function renameList(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (!Array.isArray(value)) return value;
  return value.some((v) => typeof v === 'string' && renames.has(v)) ? value.map((v) => (typeof v === 'string' ? renames.get(v) ?? v : v)) : value;
}

/** A node's params with the field names it reads renamed; the same object when it reads none of them. */
function readerRenamed(node: EditorNode, renames: ReadonlyMap<string, string>): Row {
  const p = node.params;
  switch (node.kind) {
    case 'sink.chart': {
      const y = typeof p['y'] === 'string' ? renames.get(p['y']) : undefined;
      const series = renameList(p['series'], renames);
      if (y === undefined && series === p['series']) return p;
      return { ...p, ...(y === undefined ? {} : { y }), ...(series === p['series'] ? {} : { series }) };
    }
    case 'transform.keyBy': {
      const fields = renameList(p['fields'], renames);
      return fields === p['fields'] ? p : { ...p, fields };
    }
    case 'detect.zscore': case 'detect.ewma': case 'detect.mad': {
      const field = typeof p['field'] === 'string' ? renames.get(p['field']) : undefined;
      return field === undefined ? p : { ...p, field };
    }
    case 'aggregate': {
      const rows = rowsOf(p['aggregations']);
      if (!rows.some((r) => typeof r['field'] === 'string' && renames.has(r['field']))) return p;
      return { ...p, aggregations: rows.map((r) => (typeof r['field'] === 'string' && renames.has(r['field']) ? { ...r, field: renames.get(r['field']) } : r)) };
    }
    default: return p;
  }
}

/**
 * The document with every node after `fromId` that reads a renamed field
 * reading its new name: following edges through nodes that pass fields on,
 * and stopping at those that make new ones (an aggregate, a map that drops its input).
 */
export function followRenames(doc: EditorDocument, fromId: string, renames: ReadonlyMap<string, string>): EditorDocument {
  if (renames.size === 0) return doc;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const changed = new Map<string, Row>();
  const seen = new Set<string>();
  const targets = targetsByNode(doc);
  // A worklist, not recursion: a chain of 10,000 nodes must not take 10,000 stack frames. Which
  // nodes change does not depend on the order they are reached in.
  const pending = [fromId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    for (const to of targets.get(id) ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      const node = byId.get(to);
      if (node === undefined) continue;
      const params = readerRenamed(node, renames);
      if (params !== node.params) changed.set(node.id, params);
      if (passesFields(node)) pending.push(node.id);
    }
  }
  if (changed.size === 0) return doc;
  return { ...doc, nodes: doc.nodes.map((n) => (changed.has(n.id) ? { ...n, params: changed.get(n.id)! } : n)) };
}
