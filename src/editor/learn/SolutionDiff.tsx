/** "Show solution": the solution as changes from the start, in words, and an offer to open it. */
import { useMemo } from 'react';
import type { Lesson } from '../../lessons/format';
import { diffPipelines } from '../../lessons/pipelineDiff';

const KIND_TEXT = new Map([['added', 'Added'], ['removed', 'Removed'], ['changed', 'Changed']]);

export function SolutionDiff({ lesson, onOpenSolution }: { readonly lesson: Lesson; readonly onOpenSolution: () => void }) {
  const changes = useMemo(() => diffPipelines(lesson.start, lesson.solution), [lesson]);
  return (
    <div className="wp-learn-solution">
      {changes.length === 0 ? <p>The solution is the starting pipeline unchanged.</p> : (
        <>
          <p>The solution differs from the starting pipeline in {changes.length === 1 ? 'one change' : `${changes.length} changes`}:</p>
          <ul className="wp-learn-changes" aria-label="Changes from the start to the solution">
            {changes.map((change, i) => (
              <li key={`${change.path}-${i}`} data-kind={change.kind}>
                <span className={`wp-learn-change-kind is-${change.kind}`}>{KIND_TEXT.get(change.kind)}</span>
                <span>{change.text}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="wp-docs-button" onClick={onOpenSolution}>Open the solution as a new pipeline</button>
    </div>
  );
}
