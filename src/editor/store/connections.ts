import { isNodeKind, portsOf } from '../../model';
import { fieldsLeaving, fieldsNeededAt } from './fieldNeeds';
import type { ConnectionAttempt, EditorDocument, EditorNode } from './types';

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
  const missing = missingField(doc, from, attempt.fromPort === 'late' ? 'late' : 'out', to);
  if (missing !== null) return { ok: false, reason: missing };
  return { ok: true };
}

function labelOf(doc: EditorDocument, id: string): string {
  const node = doc.nodes.find((n) => n.id === id);
  return `'${node?.name ?? id}'`;
}

function listed(fields: readonly string[]): string {
  const shown = fields.slice(0, 5).join(', ');
  if (shown === '') return 'no fields';
  return fields.length > 5 ? `${shown}, …` : shown;
}

/**
 * Why the stream leaving `from` lacks a field `to` (or a node it passes
 * fields on to) reads, or null when every such field arrives or the
 * fields cannot be known yet.
 */
function missingField(doc: EditorDocument, from: EditorNode, port: 'out' | 'late', to: EditorNode): string | null {
  const needs = fieldsNeededAt(doc, to.id);
  if (needs.length === 0) return null;
  const available = fieldsLeaving(doc, from.id, port);
  if (available === null) return null;
  const have = new Set(available);
  const need = needs.find((n) => !have.has(n.field));
  if (need === undefined) return null;
  const reader = need.nodeId === to.id ? labelOf(doc, to.id) : `${labelOf(doc, need.nodeId)} further on`;
  return `${reader} needs field '${need.field}', which this stream lacks (it has ${listed(available)})`;
}
