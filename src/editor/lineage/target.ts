/**
 * Which window a result came from: from a sink or a node, up its single
 * inputs to the nearest window. Through a window's `out` port the rows are
 * its results (a lineage of the window); through its `late` port they are
 * late events (why each was late).
 */
import type { PreviewRecord } from '../../worker/protocol';
import type { LineageQuery } from '../../worker/lineage/types';

interface Doc {
  readonly nodes: readonly { readonly id: string; readonly kind: string }[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly fromPort?: string | undefined }[];
}

export type LineageSource = { readonly kind: 'window' | 'late'; readonly windowId: string };

/** The window whose results (or late events) reach `nodeId`'s output, or null (no window, or a union on the way). */
export function lineageSource(doc: Doc, nodeId: string): LineageSource | null {
  const seen = new Set<string>();
  let at = nodeId;
  for (;;) {
    if (seen.has(at)) return null;
    seen.add(at);
    const node = doc.nodes.find((n) => n.id === at);
    if (node === undefined) return null;
    if (node.kind.startsWith('window.')) return { kind: 'window', windowId: at };
    const inputs = doc.edges.filter((e) => e.to === at);
    if (inputs.length !== 1) return null;
    const input = inputs[0]!;
    const from = doc.nodes.find((n) => n.id === input.from);
    if (from?.kind.startsWith('window.') === true && input.fromPort === 'late') return { kind: 'late', windowId: from.id };
    at = input.from;
  }
}

/** The query for a row that reached a node fed by `source`; null when the row does not say its window. */
export function queryFor(source: LineageSource, record: PreviewRecord): LineageQuery | null {
  if (source.kind === 'late') return { kind: 'late', nodeId: source.windowId, record };
  const start = record['window_start'];
  const end = record['window_end'];
  if (typeof start !== 'number' || typeof end !== 'number') return null;
  return { kind: 'window', nodeId: source.windowId, key: record, start, end };
}
