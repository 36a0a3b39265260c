/**
 * A read-only outline of a pipeline document's nodes and edges for display.
 *
 * It reads the raw JSON defensively rather than the validated document, so that an
 * invalid example can still be shown next to its problems.
 */

export interface OutlineNode {
  readonly id: string;
  readonly kind: string;
  /** `source`, `transform`, `window`, `aggregate`, `detect`, `sink`, or `other`. */
  readonly family: string;
  readonly label: string | undefined;
  /** Params as short `[key, value]` texts, in document order. */
  readonly params: readonly (readonly [string, string])[];
}

export interface OutlineEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly fromPort: string;
  readonly toPort: string;
}

export interface Outline {
  readonly nodes: readonly OutlineNode[];
  readonly edges: readonly OutlineEdge[];
}

const FAMILIES = new Set(['source', 'transform', 'window', 'aggregate', 'detect', 'sink']);
const MAX_VALUE_LENGTH = 60;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** One entry of a list param: aggregations read as `total = sum(amount)`, computed fields as `name = expr`. */
function itemText(item: unknown): string {
  if (isRecord(item) && typeof item.name === 'string') {
    if (typeof item.fn === 'string') {
      const args = [item.field, item.q].filter((arg) => arg !== undefined).map(String);
      return `${item.name} = ${item.fn}(${args.join(', ')})`;
    }
    if (typeof item.expr === 'string') return `${item.name} = ${item.expr}`;
  }
  return typeof item === 'string' ? item : (JSON.stringify(item) ?? String(item));
}

/** A param value as one short line: inline file data can be megabytes. */
export function shortValue(value: unknown): string {
  const full = Array.isArray(value)
    ? value.map(itemText).join(', ')
    : typeof value === 'string'
      ? value
      : (JSON.stringify(value) ?? String(value));
  const oneLine = full.replace(/\s+/g, ' ');
  return oneLine.length > MAX_VALUE_LENGTH ? `${oneLine.slice(0, MAX_VALUE_LENGTH - 1)}…` : oneLine;
}

function familyOf(kind: string): string {
  const family = kind.split('.')[0] ?? '';
  return FAMILIES.has(family) ? family : 'other';
}

/** Reads the nodes and edges of a document that may not be valid. */
export function outlineOf(document: unknown): Outline {
  if (!isRecord(document)) return { nodes: [], edges: [] };
  const rawNodes = Array.isArray(document.nodes) ? document.nodes : [];
  const rawEdges = Array.isArray(document.edges) ? document.edges : [];

  const nodes = rawNodes.map((node: unknown, index): OutlineNode => {
    const record = isRecord(node) ? node : {};
    const kind = text(record.kind, '(no kind)');
    return {
      id: text(record.id, `nodes[${index}]`),
      kind,
      family: familyOf(kind),
      label: typeof record.name === 'string' && record.name !== '' ? record.name : undefined,
      params: isRecord(record.params)
        ? Object.entries(record.params).map(([key, value]) => [key, shortValue(value)] as const)
        : [],
    };
  });

  const edges = rawEdges.map((edge: unknown, index): OutlineEdge => {
    const record = isRecord(edge) ? edge : {};
    return {
      id: text(record.id, `edges[${index}]`),
      from: text(record.from, '?'),
      to: text(record.to, '?'),
      fromPort: text(record.fromPort, 'out'),
      toPort: text(record.toPort, 'in'),
    };
  });

  return { nodes, edges };
}
