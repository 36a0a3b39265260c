import { validate, type Problem } from '../model';

/** What the app shows about a document: valid, its problems, or that the validator itself failed. */
export type Verdict =
  | { readonly state: 'valid' }
  | { readonly state: 'invalid'; readonly problems: readonly Problem[] }
  | { readonly state: 'error'; readonly message: string };

/**
 * Validates a document for display. `validate` reports problems in user data as values;
 * a throw is a bug in the validator, and the app says so instead of going blank.
 */
export function verdictOf(document: unknown): Verdict {
  try {
    const result = validate(document);
    return result.ok ? { state: 'valid' } : { state: 'invalid', problems: result.problems };
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** How many problems each node (or edge) has, for badges on its row. */
export function problemCounts(verdict: Verdict, about: 'nodeId' | 'edgeId'): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  if (verdict.state !== 'invalid') return counts;
  for (const problem of verdict.problems) {
    const id = problem[about];
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
