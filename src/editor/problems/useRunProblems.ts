import { useMemo } from 'react';
import { analyseDocument } from '../analysis/analyse';
import { useRun } from '../run/RunProvider';
import { selectLoadProblems } from '../run/selectors';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { runProblems } from './runProblems';
import type { Problem } from '../../model';

const listedOf = (s: EditorState) => analyseDocument(s.doc).problems;

/** Why the last Run of the open pipeline could not start, less what the document's problems say already. */
export function useRunProblems(): readonly Problem[] {
  const refusal = useRun(selectLoadProblems);
  const listed = useEditor(listedOf);
  return useMemo(() => runProblems(refusal, listed), [refusal, listed]);
}
