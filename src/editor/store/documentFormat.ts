import { CURRENT_VERSION, DOCUMENT_FORMAT, parsePipelineJson, validate, type Problem } from '../../model';
import type { EditorDocument } from './types';

/** The document as the pipeline format writes it (stable key order, so export → import is byte for byte). */
export function toPipelineJson(doc: EditorDocument): string {
  const value = {
    format: DOCUMENT_FORMAT,
    version: CURRENT_VERSION,
    name: doc.name,
    ...(doc.description === undefined ? {} : { description: doc.description }),
    nodes: doc.nodes.map((n) => ({ id: n.id, kind: n.kind, ...(n.name === undefined ? {} : { name: n.name }), position: n.position, params: n.params })),
    edges: doc.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, fromPort: e.fromPort, toPort: e.toPort })),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Reads pipeline JSON for the editor: every problem when it is malformed or
 * invalid (the caller keeps the current canvas), the editor document otherwise.
 * Params are kept as written, not with defaults filled in, so export gives back the same text.
 */
export function fromPipelineJson(text: string): { ok: true; doc: EditorDocument } | { ok: false; problems: Problem[] } {
  const parsed = parsePipelineJson(text);
  return parsed.ok ? fromPipelineValue(parsed.value) : { ok: false, problems: [parsed.problem] };
}

/** {@link fromPipelineJson} of a value already parsed (an import parses once, and counts before it validates). */
export function fromPipelineValue(value: unknown): { ok: true; doc: EditorDocument } | { ok: false; problems: Problem[] } {
  // The nodes as written (validate fills in defaults; migrate and validate never change their input).
  const raw = value as { name: string; description?: string; nodes: { id: string; kind: string; name?: string; position?: { x: number; y: number }; params?: Record<string, unknown> }[] };
  const loaded = validate(value);
  if (!loaded.ok) return loaded;
  const doc = loaded.document;
  return {
    ok: true,
    doc: {
      name: doc.name,
      ...(doc.description === undefined ? {} : { description: doc.description }),
      nodes: raw.nodes.map((n) => ({
        id: n.id, kind: n.kind, ...(n.name === undefined ? {} : { name: n.name }),
        position: n.position ?? { x: 0, y: 0 }, params: n.params ?? {},
      })),
      edges: doc.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, fromPort: e.fromPort, toPort: e.toPort })),
    },
  };
}
