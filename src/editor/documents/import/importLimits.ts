/**
 * What an import may hold, checked before any time is spent on it: the file's
 * size before it is read, the node and edge counts right after parsing and
 * before validation. The node limit is what the canvas draws without
 * freezing the page (every node is a React Flow component: about 1.2 ms a
 * node on a quiet laptop, so 1,000 nodes is about a second of work on open).
 */
import { ownArrayLength, type Problem } from '../../../model';

/** Largest pipeline file (or pasted text) imported, in megabytes (10^6 bytes). */
const MAX_IMPORT_MB = 20;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1_000_000;
/** Most nodes a pipeline opened on the canvas may have. */
export const MAX_IMPORT_NODES = 1_000;
/** Most edges a pipeline opened on the canvas may have. */
export const MAX_IMPORT_EDGES = 2_000;

const NUMBER = new Intl.NumberFormat('en-US');
const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** A refusal when `bytes` is over the limit, else null; `what` is "the file" or "the pasted text". */
export function sizeProblem(bytes: number, what: string): Problem | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return {
    path: '',
    message: `${what} is ${megabytes(bytes)}; Windowpane imports pipelines of at most ${MAX_IMPORT_MB} MB, so it was not read`,
  };
}

/** Refusals of a parsed document with more nodes or edges than the canvas handles (none when within). */
export function countProblems(value: unknown): Problem[] {
  const problems: Problem[] = [];
  const nodes = ownArrayLength(value, 'nodes');
  if (nodes !== null && nodes > MAX_IMPORT_NODES) {
    problems.push({
      path: 'nodes',
      message: `the pipeline has ${NUMBER.format(nodes)} nodes; the canvas opens pipelines of at most ${NUMBER.format(MAX_IMPORT_NODES)} nodes, so it was not checked or opened`,
    });
  }
  const edges = ownArrayLength(value, 'edges');
  if (edges !== null && edges > MAX_IMPORT_EDGES) {
    problems.push({
      path: 'edges',
      message: `the pipeline has ${NUMBER.format(edges)} edges; the canvas opens pipelines of at most ${NUMBER.format(MAX_IMPORT_EDGES)} edges, so it was not checked or opened`,
    });
  }
  return problems;
}
