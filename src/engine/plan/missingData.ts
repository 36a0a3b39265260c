/** The one wording of a file source that has no data, for the compiler, the worker and the editor's Problems panel alike. */
import type { CompileProblem } from './types';

/**
 * How the host's user gives a file source its data: a sentence (the CLI's
 * `--input FILE`), or one built from the name of the file the source wants
 * (the app's Choose file button), null when it names none.
 */
export type MissingDataHint = string | ((fileName: string | null) => string);

const DEFAULT_HINT = 'give it a file, or put its text in params.data';

/**
 * "node 'taxi': has no data: <hint>", on `nodes[index].params.data`.
 * `fileName` is the source's `params.fileName`, whatever its type (it is read from unchecked documents too).
 */
export function missingDataProblem(nodeId: string, index: number, fileName: unknown, hint: MissingDataHint = DEFAULT_HINT): CompileProblem {
  const named = typeof fileName === 'string' && fileName !== '' ? fileName : null;
  const text = typeof hint === 'string' ? hint : hint(named);
  return { nodeId, path: `nodes[${index}].params.data`, message: `node '${nodeId}': has no data: ${text}` };
}
