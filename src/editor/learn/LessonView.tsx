/**
 * One lesson in the Learn panel: its steps (the timeline opened on each
 * step's node), its tasks with Check, the solution as a difference from the
 * start, and export (file, link).
 */
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Lesson } from '../../lessons/format';
import { documentSessionFor } from '../persistence/restoreEditor';
import type { DocumentsState } from '../persistence/documentSession';
import { requestFitView } from '../canvas/fitRequest';
import { requestDockTab } from '../results/dockRequest';
import { TIMELINE_TAB } from '../results/useDockTabs';
import { useEditor, useEditorStore } from '../store/context';
import { LessonMarkdown } from './LessonMarkdown';
import type { LessonLibrary, LibraryState } from './lessonLibrary';
import { NOT_STARTED, summarize, summaryText } from './lessonProgress';
import { LessonActions } from './LessonActions';
import { LessonRunNote } from './LessonRunNote';
import { SolutionDiff } from './SolutionDiff';
import { TaskCard } from './TaskCard';
import type { LessonDocuments } from './useLessonDocuments';
import type { LearnUi } from './learnUi';

const openIdOf = (s: DocumentsState) => s.openId;

/** Said where a Check of the lesson's solution, opened from the panel, would pass. */
const SOLUTION_NOT_COUNTED = 'This is the solution: checks run, progress is not counted.';

export function LessonView({ lesson, text, library, docs, onBack, ui }: {
  readonly lesson: Lesson;
  /** The imported file's text; undefined for a built-in lesson. */
  readonly text: string | undefined;
  readonly library: LessonLibrary;
  readonly docs: LessonDocuments;
  readonly onBack: () => void;
  readonly ui: LearnUi;
}) {
  const store = useEditorStore();
  const openId = useStore(documentSessionFor(store).state, openIdOf);
  const progress = useStore(library.state, useCallback((s: LibraryState) => s.progress.get(lesson.id) ?? NOT_STARTED, [lesson.id]));
  const summary = summarize(lesson, progress);
  const [stepIndex, setStepIndex] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const step = lesson.steps[Math.min(stepIndex, lesson.steps.length - 1)]!;
  const isLessonPipeline = progress.pipelineId === openId;

  // The step's pictures: its window node selected, the timeline tab showing it.
  const timelineNode = step.timeline;
  const timelineName = useEditor((s) => (timelineNode === undefined ? '' : (s.doc.nodes.find((n) => n.id === timelineNode)?.name ?? timelineNode)));
  const showTimeline = useCallback(() => {
    if (timelineNode === undefined || !store.getState().doc.nodes.some((n) => n.id === timelineNode)) return;
    store.getState().select({ nodes: [timelineNode], edges: [] });
    requestDockTab(TIMELINE_TAB);
  }, [store, timelineNode]);
  useEffect(() => {
    if (isLessonPipeline) showTimeline();
  }, [isLessonPipeline, showTimeline]);
  // The panel narrows the canvas: every node in the space left beside it, none under it.
  useEffect(() => {
    if (isLessonPipeline) requestFitView();
  }, [isLessonPipeline, openId]);

  // Progress counts only Checks of the lesson's own pipeline, never of its solution or another pipeline.
  const onPassed = useCallback((taskId: string) => {
    if (docs.isLessonOpen(lesson.id)) void library.markPassed(lesson.id, taskId);
  }, [docs, library, lesson.id]);
  const solutionOpen = useEditor((s) => docs.isSolutionOpen(lesson, openId, s.doc.name));
  const notCounted = isLessonPipeline
    ? null
    : solutionOpen
      ? SOLUTION_NOT_COUNTED
      : 'This is not the lesson\'s pipeline: checks run, progress is not counted.';

  return (
    <article className="wp-learn-lesson" aria-labelledby="wp-learn-lesson-title">
      <button type="button" className="wp-learn-back" onClick={onBack}>
        <span aria-hidden="true">← </span>All lessons
      </button>
      <h3 id="wp-learn-lesson-title" className="wp-learn-lesson-title">{lesson.title}</h3>
      <p className="wp-learn-progress" data-status={summary.status}>{summaryText(summary)}</p>
      {isLessonPipeline ? null : (
        <div className="wp-learn-elsewhere" role="note">
          <p>{solutionOpen
            ? SOLUTION_NOT_COUNTED
            : 'The pipeline on screen is not this lesson\'s: Check runs it as it is, and progress is not counted.'}</p>
          <button type="button" className="wp-docs-button" onClick={() => void docs.openLesson(lesson).then((o) => ui.report(o, `“${lesson.title}” could not be opened`))}>
            Open the lesson&apos;s pipeline
          </button>
        </div>
      )}

      <section className="wp-learn-steps" aria-labelledby="wp-learn-step-title">
        <h4 id="wp-learn-step-title" className="wp-learn-step-title">Step {stepIndex + 1} of {lesson.steps.length}</h4>
        <LessonMarkdown key={stepIndex} text={step.text} />
        <LessonRunNote
          lessonId={lesson.id}
          active={isLessonPipeline}
          subject={timelineNode === undefined ? 'its results in the dock under the canvas' : `the events of ${timelineName} on the timeline under the canvas`}
        />
        <div className="wp-learn-step-nav">
          <button type="button" className="wp-docs-button" disabled={stepIndex === 0} onClick={() => setStepIndex((i) => i - 1)}>Previous step</button>
          {timelineNode === undefined ? null : (
            <button type="button" className="wp-docs-button" onClick={showTimeline}>Show the timeline of {timelineName}</button>
          )}
          <button type="button" className="wp-docs-button" disabled={stepIndex >= lesson.steps.length - 1} onClick={() => setStepIndex((i) => i + 1)}>Next step</button>
        </div>
      </section>

      <section className="wp-learn-tasks" aria-label="Tasks">
        {lesson.tasks.map((task, i) => (
          <TaskCard key={task.id} task={task} index={i} passed={progress.passed.includes(task.id)} onPassed={onPassed} lesson={lesson} notCounted={notCounted} />
        ))}
      </section>

      <section className="wp-learn-solution-section" aria-labelledby="wp-learn-solution-title">
        <h4 id="wp-learn-solution-title" className="wp-learn-step-title">Solution</h4>
        {solutionShown
          ? <SolutionDiff lesson={lesson} onOpenSolution={() => void docs.openSolution(lesson).then((o) => {
            ui.report(o, 'The solution could not be opened');
            if (o.ok) requestFitView();
          })} />
          : <button type="button" className="wp-docs-button" aria-expanded={false} onClick={() => setSolutionShown(true)}>Show the solution</button>}
      </section>

      <LessonActions lesson={lesson} text={text} library={library} docs={docs} onRemoved={onBack} ui={ui} />
    </article>
  );
}
