/**
 * Breakpoints in words, and the ones a node offers: every node has a
 * watermark; windows (and the aggregate after one, which fires with it) fire,
 * revise and have late events; sources count events.
 */
import { formatDateTime } from '../../charts/format';
import type { BreakpointSpec } from '../../worker/breakpoints/types';

export function sameSpec(a: BreakpointSpec, b: BreakpointSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The little of a document these read (the editor's document and the format's both fit). */
interface Doc {
  readonly nodes: readonly { readonly id: string; readonly kind: string; readonly name?: string | undefined }[];
  readonly edges: readonly { readonly id: string; readonly from: string; readonly to: string; readonly fromPort?: string | undefined }[];
}

const nameOf = (doc: Doc, id: string): string => doc.nodes.find((n) => n.id === id)?.name ?? id;

/** True for a window node, or an aggregate whose input comes from a window (it fires when the window does). */
export function firesWindows(doc: Doc, nodeId: string): boolean {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (node === undefined) return false;
  if (node.kind.startsWith('window.')) return true;
  if (node.kind !== 'aggregate') return false;
  const input = doc.edges.find((e) => e.to === nodeId);
  return input !== undefined && (input.fromPort ?? 'out') === 'out' && (doc.nodes.find((n) => n.id === input.from)?.kind.startsWith('window.') ?? false);
}

export const isSource = (doc: Doc, nodeId: string): boolean => doc.nodes.find((n) => n.id === nodeId)?.kind.startsWith('source.') ?? false;

/** "Until minute fires", for the list and the markers' titles. */
export function describeSpec(doc: Doc, spec: BreakpointSpec): string {
  switch (spec.kind) {
    case 'fire': return `Until ${nameOf(doc, spec.nodeId)} fires a window`;
    case 'revision': return `Until ${nameOf(doc, spec.nodeId)} revises a window`;
    case 'late': return `Until an event is late at ${nameOf(doc, spec.nodeId)}`;
    case 'watermark': return `Until the watermark of ${nameOf(doc, spec.nodeId)} reaches ${formatDateTime(spec.time)}`;
    case 'event': return `Until event ${spec.n.toLocaleString('en-US')}`;
    case 'condition': {
      const edge = doc.edges.find((e) => e.id === spec.edgeId);
      const where = edge === undefined ? spec.edgeId : `${nameOf(doc, edge.from)} → ${nameOf(doc, edge.to)}`;
      return `When ${where} carries ${spec.expression}`;
    }
  }
}

/**
 * A time as typed: epoch milliseconds, or a UTC date-time as the tables show
 * it ("2023-11-14 22:14:30", milliseconds optional); null when it is neither.
 */
export function parseTime(text: string): number | null {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/.exec(t);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const value = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((ms ?? '0').padEnd(3, '0')));
  return Number.isFinite(value) ? value : null;
}

/** An event number as typed: a whole number from 1 (commas and spaces allowed). */
export function parseEventNumber(text: string): number | null {
  const t = text.replace(/[,\s_]/g, '');
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}
