import { validate, type Problem } from '../../model';
import { compilePipeline } from '../../engine/plan/compile';
import type { EdgeSchema } from '../../engine/plan/types';
import { toPipelineJson } from '../store/documentFormat';
import type { EditorDocument } from '../store/types';

/** What the editor shows about a document: its problems, and the fields flowing along each edge. */
export interface Analysis {
  readonly problems: readonly Problem[];
  readonly problemsByNode: ReadonlyMap<string, readonly Problem[]>;
  /** Fields and keys on every edge the compiler could reach (none while the document's shape is invalid). */
  readonly edgeSchemas: ReadonlyMap<string, EdgeSchema>;
}

const cache = new WeakMap<EditorDocument, Analysis>();

/**
 * Validates and compiles the document (schema propagation, expressions,
 * fields). The compiler is pure and fast, and field pickers and connection
 * checks need its answer synchronously, so it runs here rather than in the
 * worker. Memoised per document object: the store replaces the object on every change.
 */
export function analyseDocument(doc: EditorDocument): Analysis {
  const known = cache.get(doc);
  if (known !== undefined) return known;
  const validated = validate(JSON.parse(toPipelineJson(doc)));
  let problems: Problem[] = [];
  let edgeSchemas = new Map<string, EdgeSchema>();
  if (!validated.ok) problems = validated.problems;
  else {
    // File sources without data yet are not a problem while designing.
    const compiled = compilePipeline(validated.document, { allowMissingFileData: true, limit: 0 });
    if (compiled.ok) edgeSchemas = new Map(compiled.plan.edgeSchemas);
    else problems = compiled.problems;
  }
  const problemsByNode = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.nodeId === undefined) continue;
    problemsByNode.set(p.nodeId, [...(problemsByNode.get(p.nodeId) ?? []), p]);
  }
  const analysis: Analysis = { problems, problemsByNode, edgeSchemas };
  cache.set(doc, analysis);
  return analysis;
}
