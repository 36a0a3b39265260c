/**
 * The version of a pipeline that checkpoints and the run history record: a
 * hash of what decides its results (node ids, kinds, parameters, edges), not
 * of where nodes are drawn or what the pipeline is called, so moving a node
 * keeps a checkpoint usable and changing a parameter does not.
 */
import type { PipelineDocument } from './schema/document';

/** JSON with object keys sorted, so equal content gives equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Two FNV-1a passes with different seeds: 64 bits, plenty to tell versions of one pipeline apart. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A 16-hex-digit version of the document's content that decides results. */
export function pipelineVersion(doc: PipelineDocument): string {
  const nodes = doc.nodes.map((n) => ({ id: n.id, kind: n.kind, params: n.params }));
  const edges = doc.edges.map((e) => ({ from: e.from, to: e.to, fromPort: e.fromPort, toPort: e.toPort }));
  return hash64(canonical({ format: doc.format, version: doc.version, nodes, edges }));
}
