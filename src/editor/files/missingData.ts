import { missingDataProblem } from '../../engine/plan/missingData';
import type { Problem } from '../../model';
import { chooseFileHint } from '../../worker/chooseFileHint';
import type { EditorDocument } from '../store/types';

/**
 * A problem for each file source with neither data nor a stored file (an
 * example that names its file but cannot ship it, a new File node): the
 * document is valid, so it opens, and the CLI gives such a file with
 * --input, but here nothing can run until the file is chosen. Worded as the
 * worker words its refusal, so the Problems panel says it once, before and after Run.
 */
export function missingDataProblems(doc: EditorDocument): Problem[] {
  const problems: Problem[] = [];
  doc.nodes.forEach((node, index) => {
    if (node.kind !== 'source.file' || node.params.data !== undefined || node.params.stored !== undefined) return;
    problems.push(missingDataProblem(node.id, index, node.params.fileName, chooseFileHint));
  });
  return problems;
}
