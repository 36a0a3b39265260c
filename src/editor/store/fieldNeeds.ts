import { parseExpression, type Expr } from '../../engine/expr';
import { analyseDocument } from '../analysis/analyse';
import { targetsByNode } from './edgeTargets';
import type { EditorDocument, EditorEdge, EditorNode } from './types';

/** A field some node reads, and which node reads it. */
export interface FieldNeed {
  readonly field: string;
  readonly nodeId: string;
}

function fieldsOfExpression(source: unknown, into: Set<string>): void {
  if (typeof source !== 'string') return;
  const parsed = parseExpression(source);
  // An expression that does not parse is the node's own problem, reported on it; it asks for nothing here.
  if (!parsed.ok) return;
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'field': into.add(e.name); return;
      case 'literal': return;
      case 'unary': walk(e.argument); return;
      case 'binary': walk(e.left); walk(e.right); return;
      case 'conditional': walk(e.test); walk(e.consequent); walk(e.alternate); return;
      case 'call': e.args.forEach(walk); return;
    }
  };
  walk(parsed.ast);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
}

/** The input fields a node's own params name: key fields, aggregated fields, fields in expressions. */
export function fieldsReadBy(node: EditorNode): Set<string> {
  const fields = new Set<string>();
  const p = node.params;
  switch (node.kind) {
    case 'transform.keyBy':
    case 'transform.clean':
      if (Array.isArray(p.fields)) for (const f of p.fields) if (typeof f === 'string' && f !== '') fields.add(f);
      break;
    case 'transform.rolling':
      if (typeof p.field === 'string' && p.field !== '') fields.add(p.field);
      break;
    case 'aggregate':
      for (const a of records(p.aggregations)) if (a.fn !== 'count' && typeof a.field === 'string' && a.field !== '') fields.add(a.field);
      break;
    case 'detect.threshold':
    case 'detect.changepoint':
      if (typeof p.field === 'string' && p.field !== '') fields.add(p.field);
      break;
    case 'transform.filter':
      fieldsOfExpression(p.expr, fields);
      break;
    case 'transform.map':
      for (const f of records(p.fields)) fieldsOfExpression(f.expr, fields);
      break;
    case 'sink.alert':
      fieldsOfExpression(p.when, fields);
      break;
    case 'detect.zscore': case 'detect.ewma': case 'detect.mad': case 'detect.contextual':
      if (typeof p.field === 'string' && p.field !== '') fields.add(p.field);
      break;
  }
  return fields;
}

/** Names a map computes, which its output has whatever its input held. */
function computedBy(node: EditorNode): Set<string> {
  return new Set(records(node.params.fields).map((f) => f.name).filter((n): n is string => typeof n === 'string'));
}

/**
 * Every field a stream entering `nodeId` must carry: what the node reads
 * itself, and what nodes further on read when the fields pass through to
 * them unchanged (filters, key-bys, windows, unions, and maps that keep
 * their input). An aggregate or a map that drops its input starts afresh.
 */
export function fieldsNeededAt(doc: EditorDocument, nodeId: string): FieldNeed[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const targets = targetsByNode(doc);
  const needs: FieldNeed[] = [];
  const seen = new Set<string>();
  // A depth-first walk with its own stack (children pushed last-first, so they are read in edge
  // order): a chain of 10,000 nodes must not take 10,000 stack frames.
  const stack: { id: string; provided: ReadonlySet<string> }[] = [{ id: nodeId, provided: new Set() }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { id, provided } = top;
    const node = byId.get(id);
    if (node === undefined || seen.has(id)) continue;
    seen.add(id);
    for (const field of fieldsReadBy(node)) {
      if (!provided.has(field) && !needs.some((n) => n.field === field)) needs.push({ field, nodeId: id });
    }
    let passes: ReadonlySet<string> | null = null;
    if (/^(transform\.(filter|keyBy|union|clean)|window\.)/.test(node.kind)) passes = provided;
    else if (node.kind === 'transform.map' && node.params.keep !== false) passes = new Set([...provided, ...computedBy(node)]);
    else if (node.kind === 'transform.rolling') passes = new Set([...provided, ...records(node.params.features).map((f) => f.name).filter((n): n is string => typeof n === 'string')]);
    if (passes === null) continue;
    const next = targets.get(id) ?? [];
    for (let i = next.length - 1; i >= 0; i--) stack.push({ id: next[i]!, provided: passes });
  }
  return needs;
}

const PROBE = '__connection_probe';
const probed = new WeakMap<EditorDocument, Map<string, readonly string[] | null>>();

/**
 * The field names leaving a node's port, or null when they cannot be known
 * yet (a file source without data, an upstream node with a problem). Asks the
 * document analysis about a probe edge from that port into a stand-in sink,
 * so the answer is the same schema propagation the inspector shows.
 */
export function fieldsLeaving(doc: EditorDocument, nodeId: string, port: 'out' | 'late'): readonly string[] | null {
  let known = probed.get(doc);
  if (known === undefined) probed.set(doc, (known = new Map()));
  const key = `${nodeId}:${port}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const probe: EditorEdge = { id: PROBE, from: nodeId, to: PROBE, fromPort: port, toPort: 'in' };
  const withProbe: EditorDocument = {
    ...doc,
    nodes: [...doc.nodes, { id: PROBE, kind: 'sink.collect', position: { x: 0, y: 0 }, params: {} }],
    edges: [...doc.edges, probe],
  };
  const schema = analyseDocument(withProbe).edgeSchemas.get(PROBE);
  const fields = schema === undefined ? null : schema.fields.map((f) => f.name);
  known.set(key, fields);
  return fields;
}
