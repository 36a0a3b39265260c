/**
 * Measures read from the document without running it: a node parameter (its
 * default when absent: the document comes through the validator, which fills
 * defaults in), and counts of nodes and edges.
 */
import { formatPath, parseDuration, type PipelineDocument } from '../model';
import type { Measure, MeasureValue } from './format';
import { showValue } from './compareOp';
import { measured, plural, unmeasurable, type Measured } from './measured';

type DocumentMeasure = Extract<Measure, { kind: 'param' | 'nodeCount' | 'edgeCount' }>;

/** The value at `path` inside `value`, own properties only; undefined when absent. */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let at: unknown = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(at) || segment >= at.length) return undefined;
      at = at[segment] as unknown;
    } else {
      if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, segment)) return undefined;
      at = (at as Record<string, unknown>)[segment];
    }
  }
  return at;
}

function measureParam(doc: PipelineDocument, measure: Extract<Measure, { kind: 'param' }>): Measured {
  const node = doc.nodes.find((n) => n.id === measure.node);
  if (node === undefined) return unmeasurable(`the pipeline has no node '${measure.node}' (was it deleted or renamed?)`);
  const name = formatPath(measure.path);
  const raw = valueAt(node.params, measure.path);
  if (raw === undefined) return measured(null, `${name} of node '${measure.node}' is not set and has no default`);
  if (measure.unit === 'ms') {
    const ms = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseDuration(raw) : null;
    if (ms === null) return unmeasurable(`${name} of node '${measure.node}' is ${JSON.stringify(raw)}, which is not a duration`);
    return measured(ms, `${name} of node '${measure.node}' is ${typeof raw === 'string' ? `${raw} (${showValue(ms)} ms)` : `${showValue(ms)} ms`}`);
  }
  const value: MeasureValue = typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean' || raw === null ? raw : JSON.stringify(raw);
  return measured(value, `${name} of node '${measure.node}' is ${showValue(value)}`);
}

/** Measures a document measure on `doc`. */
export function measureDocument(doc: PipelineDocument, measure: DocumentMeasure): Measured {
  switch (measure.kind) {
    case 'param':
      return measureParam(doc, measure);
    case 'nodeCount': {
      const kind = measure.nodeKind;
      const count = kind === undefined ? doc.nodes.length : doc.nodes.filter((n) => n.kind === kind).length;
      return measured(count, `the pipeline has ${plural(count, kind === undefined ? 'node' : `${kind} node`)}`);
    }
    case 'edgeCount': {
      const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]));
      const count = doc.edges.filter((e) => (measure.from === undefined || e.from === measure.from)
        && (measure.fromPort === undefined || e.fromPort === measure.fromPort)
        && (measure.toKind === undefined || kinds.get(e.to) === measure.toKind)).length;
      const what = [
        measure.from === undefined ? '' : ` from node '${measure.from}'`,
        measure.fromPort === undefined ? '' : ` leaving its ${measure.fromPort} port`,
        measure.toKind === undefined ? '' : ` into a ${measure.toKind} node`,
      ].join('');
      return measured(count, `the pipeline has ${plural(count, 'edge')}${what}`);
    }
  }
}
