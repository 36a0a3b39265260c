import type { PipelineDocument, PipelineEdge, PipelineNode } from '../../model';
import { compileNode, type NodeInputs } from './compileNode';
import type { MissingDataHint } from './missingData';
import { incomingEdgesByNode, topologicalOrder } from './topology';
import type { CompileProblem, EdgeSchema, ExecutionPlan, FileInput, PlanStep, Route } from './types';

export type { FileInput } from './types';

export interface CompileOptions {
  /**
   * Data for file sources, by node id: text parsed whole at compile time, or
   * a file sniffed by `sniffFile` and read as the run goes (the CLI's
   * --input, the app's stored files).
   */
  readonly fileInputs?: Readonly<Record<string, FileInput>>;
  /** Caps every source at this many events. */
  readonly limit?: number;
  /**
   * How this host's user gives a file source its data, for the problem of a source that has
   * none: the CLI says `--input FILE`, the app its Choose file button and the file the node names.
   */
  readonly missingDataHint?: MissingDataHint;
  /** Validate only: a file source without data is not a problem (nodes after it go unchecked). */
  readonly allowMissingFileData?: boolean;
}

export type CompileResult = { ok: true; plan: ExecutionPlan } | { ok: false; problems: CompileProblem[] };

type WindowNode = Extract<PipelineNode, { kind: `window.${string}` }>;

function isWindow(node: PipelineNode | undefined): node is WindowNode {
  return node !== undefined && node.kind.startsWith('window.');
}

/**
 * Compiles a valid document (see the model's `validate`) into an execution
 * plan: steps in topological order, every edge's schema propagated, a window
 * fused with the aggregate after it. Field and expression problems of every
 * node are reported together.
 */
/** The data given for file source `id`, read as an own property: a node id such as `__proto__` or `toString` is data. */
function fileInputOf(options: CompileOptions, id: string): FileInput | undefined {
  const inputs = options.fileInputs;
  return inputs !== undefined && Object.hasOwn(inputs, id) ? inputs[id] : undefined;
}

export function compilePipeline(doc: PipelineDocument, options: CompileOptions = {}): CompileResult {
  const byId = new Map(doc.nodes.map((n, i) => [n.id, { node: n, index: i }]));
  const outputs = new Map<string, Partial<Record<'out' | 'late', EdgeSchema>>>();
  const steps: PlanStep[] = [];
  const problems: CompileProblem[] = [];
  const stepOf = new Map<string, string>();
  const incomingOf = incomingEdgesByNode(doc);
  for (const id of topologicalOrder(doc)) {
    const { node, index } = byId.get(id)!;
    const incoming = incomingOf.get(id) ?? [];
    const upstream = incoming.map((e) => outputs.get(e.from)?.[e.fromPort]);
    if (upstream.some((s) => s === undefined)) {
      outputs.set(id, {}); // an upstream node failed to compile: its problem is already reported
      continue;
    }
    const feeder = incoming.length === 1 ? byId.get(incoming[0]!.from)?.node : undefined;
    const window = node.kind === 'aggregate' && isWindow(feeder) && incoming[0]!.fromPort === 'out' ? feeder : null;
    const inputs: NodeInputs = { schemas: upstream as EdgeSchema[], window, fileInput: fileInputOf(options, id), limit: options.limit, missingDataHint: options.missingDataHint };
    const noData = node.kind === 'source.file' && inputs.fileInput === undefined && node.params.data === undefined;
    if (noData && options.allowMissingFileData === true) {
      outputs.set(id, {});
      continue;
    }
    const compiled = compileNode(node, index, inputs);
    problems.push(...compiled.problems);
    outputs.set(id, compiled.outputs);
    if (compiled.step !== null) {
      steps.push(compiled.step);
      stepOf.set(id, compiled.step.nodeId);
    }
    if (isWindow(node)) stepOf.set(id, id);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { steps, routes: buildRoutes(doc, stepOf, incomingOf), edgeSchemas: edgeSchemas(doc, outputs) } };
}

function buildRoutes(doc: PipelineDocument, stepOf: Map<string, string>, incomingOf: ReadonlyMap<string, readonly PipelineEdge[]>): Map<string, Route[]> {
  const routes = new Map<string, Route[]>();
  const nodeKind = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  for (const e of doc.edges) {
    // A window's `out` feeds its aggregate inside the fused step.
    if (nodeKind.get(e.from)?.startsWith('window.') === true && e.fromPort === 'out') continue;
    const from = `${stepOf.get(e.from)}:${e.fromPort}`;
    const input = incomingOf.get(e.to)?.indexOf(e) ?? -1;
    const list = routes.get(from) ?? [];
    list.push({ stepId: stepOf.get(e.to) ?? e.to, input });
    routes.set(from, list);
  }
  return routes;
}

function edgeSchemas(doc: PipelineDocument, outputs: Map<string, Partial<Record<'out' | 'late', EdgeSchema>>>): Map<string, EdgeSchema> {
  const schemas = new Map<string, EdgeSchema>();
  for (const e of doc.edges) {
    const s = outputs.get(e.from)?.[e.fromPort];
    if (s !== undefined) schemas.set(e.id, s);
  }
  return schemas;
}
