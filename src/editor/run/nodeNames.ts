import type { EditorDocument } from '../store/types';

/**
 * Each node's name as people read it, by id. A Map: node ids are user data,
 * and a plain object would answer the id "__proto__" with Object.prototype.
 */
export function nodeNamesOf(doc: EditorDocument): ReadonlyMap<string, string> {
  return new Map(doc.nodes.map((n) => [n.id, n.name ?? n.id]));
}

/** The name of the node `id`, or the id itself when no node has it (any more). */
export function nodeNameOf(names: ReadonlyMap<string, string>, id: string): string {
  return names.get(id) ?? id;
}
