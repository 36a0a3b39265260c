import { isNodeKind, portsOf } from '../../model';
import type { ConnectionAttempt, EditorDocument } from './types';

/** Whether following edges from `start` reaches `target`. */
function reaches(doc: EditorDocument, start: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of doc.edges) if (e.from === id) stack.push(e.to);
  }
  return false;
}

/**
 * Decides whether the document would accept an edge, before it is made, with
 * the reason a person reads beside the cursor when it would not.
 */
export function checkConnection(doc: EditorDocument, attempt: ConnectionAttempt): { ok: true } | { ok: false; reason: string } {
  const from = doc.nodes.find((n) => n.id === attempt.from);
  const to = doc.nodes.find((n) => n.id === attempt.to);
  if (from === undefined || to === undefined || !isNodeKind(from.kind) || !isNodeKind(to.kind)) return { ok: false, reason: 'Connect two nodes of known kinds' };
  if (from.id === to.id) return { ok: false, reason: 'A node cannot feed itself' };
  const fromPorts = portsOf(from.kind);
  const toPorts = portsOf(to.kind);
  if (fromPorts.outputs.length === 0) return { ok: false, reason: 'A sink has no output' };
  if (toPorts.inputs.length === 0) return { ok: false, reason: 'A source takes no input' };
  if (!fromPorts.outputs.some((p) => p === attempt.fromPort)) return { ok: false, reason: `This node has no '${attempt.fromPort}' output` };
  if (doc.edges.some((e) => e.from === from.id && e.to === to.id && e.fromPort === attempt.fromPort)) return { ok: false, reason: 'These nodes are already connected' };
  if (toPorts.inputArity === 'one' && doc.edges.some((e) => e.to === to.id)) return { ok: false, reason: 'This node takes exactly one input; use a union to merge streams' };
  if (reaches(doc, to.id, from.id)) return { ok: false, reason: 'That would make a cycle' };
  const fromWindow = from.kind.startsWith('window.');
  if (fromWindow && attempt.fromPort === 'out') {
    if (to.kind !== 'aggregate') return { ok: false, reason: 'A window must be followed by an aggregate' };
    if (doc.edges.some((e) => e.from === from.id && e.fromPort === 'out')) return { ok: false, reason: 'A window feeds exactly one aggregate' };
  }
  return { ok: true };
}
