/**
 * The parameters a what-if comparison may change, and the document with one
 * of them changed (checked like any document, so a value out of range is a
 * problem, not a run).
 */
import { validate, type PipelineDocument } from '../../model';
import type { ParamChange } from './types';

/** Window and source parameters that change when results come or which windows there are. */
const WHAT_IF_PARAMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['window.tumbling', ['allowedLateness', 'size', 'offset']],
  ['window.hopping', ['allowedLateness', 'size', 'slide', 'offset']],
  ['window.cumulate', ['allowedLateness', 'step', 'maxSize', 'offset']],
  ['window.session', ['allowedLateness', 'gap']],
  ['window.count', ['size']],
  ['source.sample', ['maxOutOfOrderness']],
  ['source.file', ['maxOutOfOrderness']],
  ['source.websocket', ['maxOutOfOrderness']],
]);

/** True when "Compare with..." is offered for this parameter of this node kind. */
export function isWhatIfParam(kind: string, param: string): boolean {
  return WHAT_IF_PARAMS.get(kind)?.includes(param) ?? false;
}

/** The parameters of a kind that may be compared (empty for other kinds). */
export function whatIfParamsOf(kind: string): readonly string[] {
  return WHAT_IF_PARAMS.get(kind) ?? [];
}

/** The current value of a node's parameter, or null when the node or value is absent. */
export function paramValue(doc: PipelineDocument, nodeId: string, param: string): string | number | null {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (node === undefined) return null;
  const params = node.params as Readonly<Record<string, unknown>>;
  const value = Object.hasOwn(params, param) ? params[param] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

export type ChangeResult = { ok: true; document: PipelineDocument } | { ok: false; message: string };

/** `doc` with one parameter changed, validated; a sentence when the change is not allowed or not valid. */
export function applyChange(doc: PipelineDocument, change: ParamChange): ChangeResult {
  const index = doc.nodes.findIndex((n) => n.id === change.nodeId);
  const node = doc.nodes[index];
  if (node === undefined) return { ok: false, message: `there is no node '${change.nodeId}'` };
  if (!isWhatIfParam(node.kind, change.param)) {
    const allowed = whatIfParamsOf(node.kind);
    const which = allowed.length === 0 ? `a ${node.kind} node has none that can be compared` : `one of ${allowed.join(', ')}`;
    return { ok: false, message: `cannot compare '${change.param}' of node '${change.nodeId}': ${which}` };
  }
  const nodes = doc.nodes.map((n, i) => (i === index ? { ...n, params: { ...n.params, [change.param]: change.value } } : n));
  const checked = validate({ ...doc, nodes });
  if (checked.ok) return { ok: true, document: checked.document };
  const first = checked.problems[0];
  const where = `${change.nodeId}.${change.param} = ${JSON.stringify(change.value)}`;
  return { ok: false, message: `${where} is not valid: ${first === undefined ? 'unknown problem' : `${first.path === '' ? '' : `${first.path}: `}${first.message}`}` };
}
