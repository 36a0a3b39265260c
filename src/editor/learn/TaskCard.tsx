/**
 * One task of a lesson: what to do, the prediction asked for (before Check),
 * Check and what held and what did not (an icon and words, never colour
 * alone), and hints one at a time.
 */
import { useId, useState } from 'react';
import type { CheckOutcome } from '../../lessons/evaluate';
import type { LessonTask } from '../../lessons/format';
import { ProblemList } from '../documents/ProblemList';
import { LessonMarkdown } from './LessonMarkdown';
import { detailOf } from './outcomeText';
import { comparePrediction, readPrediction, type PredictionOutcome } from './prediction';
import { useLessonCheck, type CheckState } from './useLessonCheck';

function Outcome({ outcome }: { readonly outcome: CheckOutcome }) {
  const detail = detailOf(outcome);
  return (
    <li className={`wp-learn-outcome ${outcome.holds ? 'is-holds' : 'is-fails'}`}>
      <span className="wp-learn-outcome-icon" aria-hidden="true">{outcome.holds ? '✓' : '✗'}</span>
      <span>
        <strong>{outcome.holds ? 'Holds: ' : 'Does not hold: '}</strong>
        {outcome.says}
        {detail === '' ? null : <span className="wp-learn-outcome-detail"> — {detail}</span>}
      </span>
    </li>
  );
}

function Result({ state }: { readonly state: CheckState }) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') return <p className="wp-learn-running">Running your pipeline…</p>;
  if (state.status === 'failed') {
    return (
      <div className="wp-learn-check-failed">
        <p>{state.message}</p>
        {state.problems.length === 0 ? null : <ProblemList problems={state.problems} label="Why the check could not run" />}
      </div>
    );
  }
  const { report } = state;
  return (
    <div className="wp-learn-result">
      <p className={`wp-learn-verdict ${report.passed ? 'is-passed' : 'is-failed'}`}>
        <span aria-hidden="true">{report.passed ? '✓ ' : '✗ '}</span>
        {report.passed ? 'Task passed.' : 'Not yet: some checks do not hold.'}
        <span className="wp-learn-events"> ({state.eventsRead.toLocaleString('en')} events read)</span>
      </p>
      {report.checks.length === 0 ? null : (
        <ul className="wp-learn-outcomes" aria-label="Checks">
          {report.checks.map((c, i) => <Outcome key={i} outcome={c} />)}
        </ul>
      )}
    </div>
  );
}

export function TaskCard({ task, index, passed, onPassed }: {
  readonly task: LessonTask;
  readonly index: number;
  readonly passed: boolean;
  readonly onPassed: (taskId: string) => void;
}) {
  const { state, check } = useLessonCheck(task, onPassed);
  const [guess, setGuess] = useState('');
  const [predicted, setPredicted] = useState<number | null>(null);
  // The prediction is about the starting pipeline: the first run after it answers it, later runs (after edits) do not.
  const [prediction, setPrediction] = useState<PredictionOutcome | null>(null);
  const [predictionError, setPredictionError] = useState<string | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const titleId = useId();
  const questionId = useId();
  const errorId = useId();

  if (task.predict !== undefined && prediction === null && predicted !== null && state.status === 'done') {
    setPrediction(comparePrediction(predicted, state.report.measured, task.predict.tolerance));
  }

  const onCheck = (): void => {
    if (task.predict !== undefined && prediction === null) {
      const read = readPrediction(guess);
      if (!read.ok) {
        setPredictionError(read.message);
        return;
      }
      setPredicted(read.value);
    }
    setPredictionError(null);
    check();
  };

  return (
    <section className="wp-learn-task" aria-labelledby={titleId} data-task={task.id}>
      <h4 id={titleId} className="wp-learn-task-title">
        Task {index + 1}
        {passed ? <span className="wp-learn-badge is-done"><span aria-hidden="true">✓ </span>Done</span> : null}
      </h4>
      <LessonMarkdown text={task.text} />
      {task.predict === undefined ? null : (
        <div className="wp-learn-predict">
          <div id={questionId}><LessonMarkdown text={task.predict.question} /></div>
          <input
            className="wp-learn-predict-input"
            inputMode="decimal"
            aria-labelledby={questionId}
            aria-describedby={predictionError === null ? undefined : errorId}
            aria-invalid={predictionError !== null}
            placeholder="Your prediction"
            value={guess}
            readOnly={prediction !== null}
            title={prediction === null ? undefined : 'Your prediction was compared with the first run'}
            onChange={(e) => setGuess(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onCheck();
            }}
          />
          {predictionError === null ? null : <p id={errorId} className="wp-learn-predict-error" role="alert">{predictionError}</p>}
        </div>
      )}
      <div className="wp-learn-task-actions">
        <button type="button" className="wp-docs-button wp-learn-check" onClick={onCheck} disabled={state.status === 'running'}>Check</button>
        {task.hints.length === 0 || hintsShown >= task.hints.length ? null : (
          <button type="button" className="wp-docs-button" onClick={() => setHintsShown((n) => n + 1)}>
            {hintsShown === 0 ? 'Show a hint' : 'Show another hint'} ({hintsShown} of {task.hints.length} shown)
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {prediction === null ? null : (
          <p className={`wp-learn-prediction ${prediction.within ? 'is-holds' : 'is-fails'}`}>
            <span aria-hidden="true">{prediction.within ? '✓ ' : '✗ '}</span>{prediction.text}
          </p>
        )}
        <Result state={state} />
      </div>
      {hintsShown === 0 ? null : (
        <ol className="wp-learn-hints" aria-label="Hints">
          {task.hints.slice(0, hintsShown).map((hint, i) => <li key={i}><LessonMarkdown text={hint} /></li>)}
        </ol>
      )}
    </section>
  );
}
