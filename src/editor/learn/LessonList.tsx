/** The Learn panel's list: built-in lessons in order, then imported ones, each with its progress. */
import type { Lesson } from '../../lessons/format';
import type { Problem } from '../../model/problems';
import type { ImportedLesson } from './lessonLibrary';
import { NOT_STARTED, STATUS_TEXT, summarize, summaryText, type LessonProgress, type LessonStatus } from './lessonProgress';

const STATUS_ICON: ReadonlyMap<LessonStatus, string> = new Map([['not-started', '○'], ['in-progress', '◐'], ['done', '✓']]);

function LessonItem({ lesson, progress, onOpen, number }: { readonly lesson: Lesson; readonly progress: LessonProgress; readonly onOpen: (lesson: Lesson) => void; readonly number: string }) {
  const summary = summarize(lesson, progress);
  return (
    <li>
      <button type="button" className="wp-learn-item" onClick={() => onOpen(lesson)} data-lesson={lesson.id}>
        <span className="wp-learn-item-title">{number}{lesson.title}</span>
        <span className="wp-learn-item-summary">{lesson.summary}</span>
        <span className={`wp-learn-status is-${summary.status}`} data-testid="lesson-status">
          <span aria-hidden="true">{STATUS_ICON.get(summary.status)} </span>
          {STATUS_TEXT.get(summary.status)} · {summaryText(summary)}
        </span>
      </button>
    </li>
  );
}

export function LessonList({ builtin, broken, imported, progress, onOpen, onShowProblems }: {
  readonly builtin: readonly Lesson[];
  readonly broken: ReadonlyMap<string, readonly Problem[]>;
  readonly imported: readonly ImportedLesson[];
  readonly progress: ReadonlyMap<string, LessonProgress>;
  readonly onOpen: (lesson: Lesson) => void;
  readonly onShowProblems: (title: string, problems: readonly Problem[]) => void;
}) {
  const progressOf = (id: string): LessonProgress => progress.get(id) ?? NOT_STARTED;
  return (
    <>
      <ol className="wp-learn-list" aria-label="Lessons">
        {builtin.map((lesson, i) => <LessonItem key={lesson.id} lesson={lesson} progress={progressOf(lesson.id)} onOpen={onOpen} number={`${lesson.order ?? i + 1}. `} />)}
      </ol>
      {broken.size === 0 ? null : (
        <ul className="wp-learn-list" aria-label="Built-in lessons that cannot be read">
          {[...broken].map(([file, problems]) => (
            <li key={file}>
              <button type="button" className="wp-learn-item is-broken" onClick={() => onShowProblems(`The built-in lesson ${file} can't be read`, problems)}>
                <span className="wp-learn-item-title">{file}</span>
                <span className="wp-learn-status is-broken"><span aria-hidden="true">✗ </span>Cannot be read: {problems.length === 1 ? '1 problem' : `${problems.length} problems`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 className="wp-learn-list-title">Imported lessons</h3>
      {imported.length === 0 ? <p className="wp-learn-none">None yet. Import a lesson file, or drop one on this panel.</p> : (
        <ul className="wp-learn-list" aria-label="Imported lessons">
          {imported.map((entry, i) => (entry.ok
            ? <LessonItem key={entry.lesson.id} lesson={entry.lesson} progress={progressOf(entry.lesson.id)} onOpen={onOpen} number="" />
            : (
              <li key={`broken-${i}`}>
                <button type="button" className="wp-learn-item is-broken" onClick={() => onShowProblems(`The ${entry.name} can't be read any more`, entry.problems)}>
                  <span className="wp-learn-item-title">{entry.name}</span>
                  <span className="wp-learn-status is-broken"><span aria-hidden="true">✗ </span>Cannot be read: {entry.problems.length === 1 ? '1 problem' : `${entry.problems.length} problems`}</span>
                </button>
              </li>
            )))}
        </ul>
      )}
    </>
  );
}
