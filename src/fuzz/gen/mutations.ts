/**
 * Mutations of a JSON document: at a random place, delete, duplicate, replace
 * with a hostile value (edge numbers, NaN-like markers, Object.prototype
 * names, deep nesting, long text, a cycle back to the root), or add a key;
 * and graph-level ones: dangling and cyclic edges, long chains.
 */
import fc from 'fast-check';
import { NODE_KINDS, AGGREGATE_FNS } from '../../model';
import { heldBack } from '../knownOpen';
import { PROTO_NAMES, hostileString, hostileValue } from './hostile';

type Path = (string | number)[];
type Json = Record<string, unknown> | unknown[];

/** Every path into a JSON value, the root included, walked without recursion. */
export function pathsOf(root: unknown): Path[] {
  const paths: Path[] = [];
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    paths.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => stack.push([item, [...path, i]]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) stack.push([item, [...path, key]]);
  }
  return paths;
}

function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Deep nesting past the known limit is held back while issue 12 item 6 is open. */
const deepMarker = fc.record({
  $fuzz: fc.constant('deep'),
  depth: fc.integer({ min: 1, max: heldBack('deepNesting') ? 200 : 100_000 }),
  shape: fc.constantFrom('array', 'object'),
});

/** Values a mutation writes. */
export const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileValue },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...PROTO_NAMES, ...NODE_KINDS, ...AGGREGATE_FNS, 'src', 'out', 'win', 'late', 'in', 'ts', 'k') },
  { weight: 1, arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', '-0').map((value) => ({ $fuzz: 'num', value })) },
  { weight: 1, arbitrary: deepMarker },
  { weight: 1, arbitrary: fc.constant({ $fuzz: 'cycle' }) },
);

export type Mutation =
  | { readonly op: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'duplicate'; readonly at: number }
  | { readonly op: 'addKey'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'edge'; readonly from: string; readonly to: string; readonly fromPort?: string }
  | { readonly op: 'chain'; readonly length: number }
  | { readonly op: 'renameNode'; readonly at: number; readonly id: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: replacement }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('addKey' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTO_NAMES, 'id', 'kind', 'params', 'size', 'fromPort'), hostileString), value: replacement }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('edge' as const),
      from: fc.constantFrom('src', 'out', 'win', 'agg', 't0', 'nowhere', '__proto__'),
      to: fc.constantFrom('src', 'out', 'win', 'agg', 't0', 'nowhere', 'constructor'),
      fromPort: fc.constantFrom('out', 'late', 'in', '__proto__'),
    }, { requiredKeys: ['op', 'from', 'to'] }),
  },
  // A consistent rename keeps the document valid, so a `__proto__` id reaches the planner and the run.
  { weight: 2, arbitrary: fc.record({ op: fc.constant('renameNode' as const), at: fc.nat(), id: fc.oneof(fc.constantFrom(...PROTO_NAMES), hostileString) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('chain' as const), length: fc.integer({ min: 2, max: heldBack('bigDocuments') ? 300 : 10_000 }) }) },
);

/** Gives node `at` (modulo the count) the id `id`, and every edge that named it too. */
function renameNode(root: unknown, at: number, id: string): void {
  if (typeof root !== 'object' || root === null) return;
  const nodes = (root as Record<string, unknown>)['nodes'];
  const edges = (root as Record<string, unknown>)['edges'];
  if (!Array.isArray(nodes) || nodes.length === 0) return;
  const node: unknown = nodes[at % nodes.length];
  if (typeof node !== 'object' || node === null) return;
  const old = (node as Record<string, unknown>)['id'];
  setOwn(node, 'id', id);
  if (!Array.isArray(edges)) return;
  for (const edge of edges as unknown[]) {
    if (typeof edge !== 'object' || edge === null) continue;
    const record = edge as Record<string, unknown>;
    if (record['from'] === old) setOwn(record, 'from', id);
    if (record['to'] === old) setOwn(record, 'to', id);
  }
}

/** Applies `mutations` in order to a copy of `document`. */
export function applyMutations(document: Record<string, unknown>, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(document);
  for (const m of mutations) {
    if (m.op === 'edge') {
      const edges = (root as Record<string, unknown> | null)?.['edges'];
      if (Array.isArray(edges)) edges.push({ id: `x${edges.length}`, from: m.from, to: m.to, ...(m.fromPort === undefined ? {} : { fromPort: m.fromPort }) });
      continue;
    }
    if (m.op === 'renameNode') {
      renameNode(root, m.at, m.id);
      continue;
    }
    if (m.op === 'chain') continue; // applied by the case itself (cases/chain.ts), so the input stays small
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length]!;
    if (path.length === 0) {
      if (m.op === 'replace') root = m.value;
      continue;
    }
    let parent = root as Json;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key] as Json;
    const last = path[path.length - 1]!;
    const target = (parent as Record<string | number, unknown>)[last];
    if (m.op === 'replace') setOwn(parent, last, structuredClone(m.value));
    else if (m.op === 'delete') {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else delete (parent as Record<string, unknown>)[last];
    } else if (m.op === 'duplicate') {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 0, structuredClone(target));
    } else if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
      setOwn(target, m.key, structuredClone(m.value));
    }
  }
  return root;
}
