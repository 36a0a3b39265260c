import { validate, type Problem } from '../../model';
import { compilePipeline } from '../../engine/plan/compile';
import type { EdgeSchema } from '../../engine/plan/types';
import { toPipelineJson } from '../store/documentFormat';
import type { EditorDocument } from '../store/types';
import { designFileInputs } from '../files/designInputs';
import { missingDataProblems } from '../files/missingData';
import { propagateSchemas } from './propagate';

/** What the editor shows about a document: its problems, and the fields flowing along each edge. */
export interface Analysis {
  readonly problems: readonly Problem[];
  readonly problemsByNode: ReadonlyMap<string, readonly Problem[]>;
  /**
   * Fields and keys on every edge schema propagation could reach. For a valid
   * document this is the compiler's answer; otherwise it is best effort, so
   * field pickers keep working while one node is wrong (see {@link propagateSchemas}).
   */
  readonly edgeSchemas: ReadonlyMap<string, EdgeSchema>;
}

const cache = new WeakMap<EditorDocument, Analysis>();
let last: { doc: EditorDocument; analysis: Analysis } | null = null;

/**
 * Whether two documents differ at most in what analysis ignores: positions,
 * node names and the pipeline's name. A drag replaces the document on every
 * frame but keeps each node's params object, so this spares re-validating
 * (and re-reading a file source's data) sixty times a second.
 */
function sameStructure(a: EditorDocument, b: EditorDocument): boolean {
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i]!;
    return n.id === m.id && n.kind === m.kind && n.params === m.params;
  });
}

/**
 * Validates and compiles the document (schema propagation, expressions,
 * fields). The compiler is pure and fast, and field pickers and connection
 * checks need its answer synchronously, so it runs here rather than in the
 * worker. Memoised per document object: the store replaces the object on every change.
 *
 * Problems are those of `validate` then the compiler, as the CLI reports them,
 * and a file source without data (see {@link missingDataProblems}), as a Run reports it.
 * While the document's shape is invalid the compiler cannot run as a whole, so
 * nodes that are valid themselves are still compiled one by one and their
 * problems (an unknown field in a filter, say) listed too, except on nodes that
 * already have a validation problem.
 */
export function analyseDocument(doc: EditorDocument): Analysis {
  const known = cache.get(doc) ?? (last !== null && sameStructure(last.doc, doc) ? last.analysis : undefined);
  if (known !== undefined) {
    cache.set(doc, known);
    return known;
  }
  const validated = validate(JSON.parse(toPipelineJson(doc)));
  let problems: Problem[] = [];
  let edgeSchemas: ReadonlyMap<string, EdgeSchema> = new Map();
  if (!validated.ok) {
    const propagated = propagateSchemas(doc);
    const flagged = new Set(validated.problems.map((p) => p.nodeId));
    problems = [...validated.problems, ...missingDataProblems(doc), ...propagated.problems.filter((p) => !flagged.has(p.nodeId))];
    edgeSchemas = propagated.edgeSchemas;
  } else {
    // Stored files' recorded fields stand in for them; a file source without any data is listed (it cannot run) but not compiled.
    const design = designFileInputs(doc);
    const compiled = compilePipeline(validated.document, { allowMissingFileData: true, limit: 0, fileInputs: design.inputs });
    problems = [...missingDataProblems(doc), ...design.problems];
    if (compiled.ok) edgeSchemas = new Map(compiled.plan.edgeSchemas);
    else {
      problems = [...problems, ...compiled.problems.map((p) => ({ nodeId: p.nodeId, path: p.path, message: p.message }))];
      edgeSchemas = propagateSchemas(doc).edgeSchemas;
    }
  }
  const problemsByNode = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.nodeId === undefined) continue;
    problemsByNode.set(p.nodeId, [...(problemsByNode.get(p.nodeId) ?? []), p]);
  }
  const analysis: Analysis = { problems, problemsByNode, edgeSchemas };
  cache.set(doc, analysis);
  last = { doc, analysis };
  return analysis;
}

/**
 * The fields that reach a node: the schema of its incoming edge (the first,
 * for a union or sink), or null when nothing known reaches it.
 */
export function inputSchemaOf(doc: EditorDocument, nodeId: string): EdgeSchema | null {
  const edge = doc.edges.find((e) => e.to === nodeId);
  if (edge === undefined) return null;
  return analyseDocument(doc).edgeSchemas.get(edge.id) ?? null;
}
