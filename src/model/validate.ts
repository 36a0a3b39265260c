/**
 * The one entry point for checking a pipeline document at a boundary (file
 * load, postMessage, WebSocket frame, CLI argument).
 */
import { checkGraph } from './graphChecks';
import { issuePredicate, problemFromIssue, telling } from './issues';
import { migrate } from './migrate';
import { problem, type Problem, type ValidationResult } from './problems';
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
  const parsed = documentSchema.safeParse(root, { error: issuePredicate, reportInput: true });
  const issues = parsed.success ? [] : telling(parsed.error.issues);
  const shapeProblems = issues.map((issue) => problemFromIssue(issue, root));
  const skeleton = readSkeleton(root);
  const graphProblems = skeleton === null ? [] : checkGraph(skeleton);
  const problems = unique([...shapeProblems, ...graphProblems]);
  if (parsed.success && problems.length === 0) return { ok: true, document: parsed.data };
  return { ok: false, problems };
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
