/**
 * Which window node the timeline tab follows: the selected one (or the
 * window feeding a selected aggregate), else the one last chosen in the tab,
 * else the only (or first) window node of the document.
 */
import type { EditorDocument } from '../store/types';

export const isWindowKind = (kind: string): boolean => kind.startsWith('window.');

/** The window nodes of a document, in document order. */
export function windowNodes(doc: EditorDocument): { id: string; name: string }[] {
  return doc.nodes.filter((n) => isWindowKind(n.kind)).map((n) => ({ id: n.id, name: n.name ?? n.id }));
}

/** The window node the selection points at, if it points at one. */
export function selectedWindow(doc: EditorDocument, selected: string | null): string | null {
  if (selected === null) return null;
  const node = doc.nodes.find((n) => n.id === selected);
  if (node === undefined) return null;
  if (isWindowKind(node.kind)) return node.id;
  if (node.kind !== 'aggregate') return null;
  const input = doc.edges.find((e) => e.to === node.id && e.fromPort === 'out');
  const upstream = input === undefined ? undefined : doc.nodes.find((n) => n.id === input.from);
  return upstream !== undefined && isWindowKind(upstream.kind) ? upstream.id : null;
}

export function followedWindow(doc: EditorDocument, selected: string | null, chosen: string | null): string | null {
  const windows = windowNodes(doc);
  const fromSelection = selectedWindow(doc, selected);
  if (fromSelection !== null) return fromSelection;
  if (chosen !== null && windows.some((w) => w.id === chosen)) return chosen;
  return windows[0]?.id ?? null;
}
