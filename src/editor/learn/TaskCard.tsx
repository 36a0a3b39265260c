/**
 * One task of a lesson: what to do, the prediction asked for (before the
 * first Check), Check and what held and what did not (an icon and words,
 * never colour alone), and hints one at a time. A prediction is about the
 * lesson's start or solution (its `on`), so that pipeline answers it, the
 * same before or after the learner's edits; Check runs the learner's own.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import type { CheckOutcome } from '../../lessons/evaluate';
import type { Lesson, LessonTask } from '../../lessons/format';
import { ProblemList } from '../documents/ProblemList';
import { LessonMarkdown } from './LessonMarkdown';
import { detailOf } from './outcomeText';
import { comparePrediction, pipelineWords, readPrediction } from './prediction';
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

function Result({ state, running = 'Running your pipeline…' }: { readonly state: CheckState; readonly running?: string }) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') return <p className="wp-learn-running">{running}</p>;
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

export function TaskCard({ task, index, passed, onPassed, lesson, notCounted }: {
  readonly task: LessonTask;
  readonly index: number;
  readonly passed: boolean;
  /** Called when a Check of the lesson's own pipeline passes the task (the panel drops it for other pipelines). */
  readonly onPassed: (taskId: string) => void;
  readonly lesson: Lesson;
  /** Why a passing Check does not count now ("This is the solution…"), or null when it does. */
  readonly notCounted: string | null;
}) {
  const { state, check } = useLessonCheck(task, onPassed);
  const predict = task.predict;
  const predictionOnly = predict !== undefined && task.checks.length === 0;
  // Only the prediction's measure, run on the pipeline the question is about.
  const predictionTask = useMemo((): LessonTask => ({ ...task, checks: [] }), [task]);
  const predictionDoc = predict?.on === 'solution' ? lesson.solution : lesson.start;
  // A prediction-only task is done once its prediction is answered, whatever the guess.
  const predictionPassed = useCallback((taskId: string) => {
    if (predictionOnly) onPassed(taskId);
  }, [predictionOnly, onPassed]);
  const answer = useLessonCheck(predictionTask, predictionPassed, predictionDoc);
  const [guess, setGuess] = useState('');
  // Fixed at the first Check: the answer does not depend on the learner's edits, so there is nothing to try again.
  const [predicted, setPredicted] = useState<number | null>(null);
  const [predictionError, setPredictionError] = useState<string | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const titleId = useId();
  const questionId = useId();
  const errorId = useId();

  const prediction = predict === undefined || predicted === null || answer.state.status !== 'done'
    ? null
    : comparePrediction(predicted, answer.state.report.measured, predict.tolerance, predict.on);

  const onCheck = (): void => {
    if (predict !== undefined) {
      if (predicted === null) {
        const read = readPrediction(guess);
        if (!read.ok) {
          setPredictionError(read.message);
          return;
        }
        setPredicted(read.value);
        answer.check();
      } else if (answer.state.status === 'failed') {
        answer.check();
      } else if (predictionOnly && prediction !== null) {
        // Answered while another pipeline was open: a Check from the lesson's own pipeline counts it now.
        onPassed(task.id);
      }
    }
    setPredictionError(null);
    if (!predictionOnly) check();
  };

  return (
    <section className="wp-learn-task" aria-labelledby={titleId} data-task={task.id}>
      <h4 id={titleId} className="wp-learn-task-title">
        Task {index + 1}
        {passed ? <span className="wp-learn-badge is-done"><span aria-hidden="true">✓ </span>Done</span> : null}
      </h4>
      <LessonMarkdown text={task.text} />
      {predict === undefined ? null : (
        <div className="wp-learn-predict">
          <div id={questionId}><LessonMarkdown text={predict.question} /></div>
          <input
            className="wp-learn-predict-input"
            inputMode="decimal"
            aria-labelledby={questionId}
            aria-describedby={predictionError === null ? undefined : errorId}
            aria-invalid={predictionError !== null}
            placeholder="Your prediction"
            value={guess}
            readOnly={predicted !== null}
            title={predicted === null ? undefined : 'Your prediction is answered; it stays as you entered it'}
            onChange={(e) => setGuess(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onCheck();
            }}
          />
          {predictionError === null ? null : <p id={errorId} className="wp-learn-predict-error" role="alert">{predictionError}</p>}
        </div>
      )}
      <div className="wp-learn-task-actions">
        <button type="button" className="wp-docs-button wp-learn-check" onClick={onCheck} disabled={state.status === 'running' || answer.state.status === 'running'}>Check</button>
        {task.hints.length === 0 || hintsShown >= task.hints.length ? null : (
          <button type="button" className="wp-docs-button" onClick={() => setHintsShown((n) => n + 1)}>
            {hintsShown === 0 ? 'Show a hint' : 'Show another hint'} ({hintsShown} of {task.hints.length} shown)
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {prediction === null
          ? <Result state={answer.state} running={`Running ${pipelineWords(predict?.on ?? 'start')} to answer your prediction…`} />
          : (
            // A wrong guess is something learnt, not a failed task: neutral, said in words.
            <p className={`wp-learn-prediction ${prediction.within ? 'is-right' : 'is-off'}`}>
              <span aria-hidden="true">{prediction.within ? '✓ ' : '→ '}</span>
              {predictionOnly ? `Done: y${prediction.text.slice(1)}` : prediction.text}
            </p>
          )}
        <Result state={state} />
        {notCounted === null || state.status !== 'done' ? null : <p className="wp-learn-not-counted">{notCounted}</p>}
      </div>
      {hintsShown === 0 ? null : (
        <ol className="wp-learn-hints" aria-label="Hints">
          {task.hints.slice(0, hintsShown).map((hint, i) => <li key={i}><LessonMarkdown text={hint} /></li>)}
        </ol>
      )}
    </section>
  );
}
