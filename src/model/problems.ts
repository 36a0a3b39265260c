/**
 * What validation reports. A problem names the node or edge it belongs to
 * (so the editor can highlight it), the JSON path of the offending value, and
 * a sentence a person understands.
 */
import type { PipelineDocument } from './schema/document';
import { quote } from './text';

export interface Problem {
  /** The node the problem belongs to, when it has a readable id. */
  nodeId?: string;
  /** The edge the problem belongs to, when it has a readable id. */
  edgeId?: string;
  /** JSON path of the offending value, like `nodes[2].params.size`; `''` for the whole document. */
  path: string;
  /** A full sentence, naming the node or edge: `node 'w1': size must be ...`. */
  message: string;
  /** 1-based line of a JSON syntax error (only from {@link parsePipelineJson}). */
  line?: number;
  /** 1-based column of a JSON syntax error (only from {@link parsePipelineJson}). */
  column?: number;
}

export type ValidationResult =
  | { ok: true; document: PipelineDocument }
  | { ok: false; problems: Problem[] };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["nodes", 2, "params", "size"]` -> `nodes[2].params.size`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

/** `node 'w1'`, or `nodes[2]` when the node has no readable id. */
export function nodeLabel(index: number, id: string | undefined): string {
  return id === undefined ? `nodes[${index}]` : `node ${quote(id)}`;
}

/** `edge 'e1'`, or `edges[2]` when the edge has no readable id. */
export function edgeLabel(index: number, id: string | undefined): string {
  return id === undefined ? `edges[${index}]` : `edge ${quote(id)}`;
}

/** A problem with the optional ids set only when known (exactOptionalPropertyTypes forbids `undefined`). */
export function problem(
  path: string,
  message: string,
  owner: { nodeId?: string | undefined; edgeId?: string | undefined } = {},
): Problem {
  const result: Problem = { path, message };
  if (owner.nodeId !== undefined) result.nodeId = owner.nodeId;
  if (owner.edgeId !== undefined) result.edgeId = owner.edgeId;
  return result;
}
