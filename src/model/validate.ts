/**
 * The one entry point for checking a pipeline document at a boundary (file
 * load, postMessage, WebSocket frame, CLI argument).
 */
import { checkGraph } from './graphChecks';
import { issuePredicate, problemFromIssue, telling } from './issues';
import { MAX_EDGES, MAX_NODES } from './limits';
import { migrate } from './migrate';
import { problem, type Problem, type ValidationResult } from './problems';
import { ownArrayLength } from './rawAccess';
import { documentSchema } from './schema/document';
import { readSkeleton } from './skeleton';

/**
 * Checks `input` against the version 1 format and reports every problem at
 * once: shape problems (types, defaults, durations, unknown keys) together
 * with graph problems (ids, edges, ports, cycles) whenever the graph can be
 * read at all.
 *
 * Never throws, whatever `input` is: older versions are upgraded with
 * {@link migrate} first, and a value that defeats the checks themselves
 * (a throwing getter, a nesting too deep for the stack) becomes a problem.
 *
 * @returns the parsed document with defaults filled in, or the problems.
 */
export function validate(input: unknown): ValidationResult {
  try {
    return validateMigrated(input);
  } catch (error) {
    // Only reachable for inputs that JSON cannot produce (proxies, getters)
    // or a stack overflow: still an answer, never a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('', `the document could not be checked: ${reason}`)] };
  }
}

function validateMigrated(input: unknown): ValidationResult {
  const migrated = migrate(input);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const root = migrated.value;
  const tooBig = sizeProblems(root);
  if (tooBig.length > 0) return { ok: false, problems: tooBig };
  const parsed = documentSchema.safeParse(root, { error: issuePredicate, reportInput: true });
  const issues = parsed.success ? [] : telling(parsed.error.issues);
  const shapeProblems = issues.map((issue) => problemFromIssue(issue, root));
  const skeleton = readSkeleton(root);
  const graphProblems = skeleton === null ? [] : checkGraph(skeleton);
  const problems = unique([...shapeProblems, ...graphProblems]);
  if (parsed.success && problems.length === 0) return { ok: true, document: parsed.data };
  return { ok: false, problems };
}

/**
 * A document beyond the node or edge limit is refused before its parts are
 * checked: checking 700,000 nodes one by one only to refuse them costs the
 * time and memory the limit is there to bound.
 */
function sizeProblems(root: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const [key, limit, noun] of [['nodes', MAX_NODES, 'nodes'], ['edges', MAX_EDGES, 'edges']] as const) {
    const length = ownArrayLength(root, key);
    if (length === null || length <= limit) continue;
    const count = length.toLocaleString('en');
    problems.push(problem(key, `${key} has ${count} ${noun}; a document may have at most ${limit.toLocaleString('en')}`));
  }
  return problems;
}

/** Drops repeats (two checks may word the same fact the same way). */
function unique(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((item) => {
    const key = `${item.path}\u0000${item.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
