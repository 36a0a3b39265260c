/**
 * A lesson's pipelines as documents of their own: opening a lesson goes back
 * to the pipeline it opened as before (the learner's work) or opens its start
 * as a new pipeline; the learner's other pipelines are never touched.
 */
import { useMemo } from 'react';
import type { Lesson } from '../../lessons/format';
import type { PipelineDocument } from '../../model';
import type { Problem } from '../../model/problems';
import { fromPipelineValue } from '../store/documentFormat';
import { documentSessionFor } from '../persistence/restoreEditor';
import { useEditorStore } from '../store/context';
import type { LessonLibrary } from './lessonLibrary';

export type OpenOutcome = { readonly ok: true } | { readonly ok: false; readonly problems: readonly Problem[] };

export interface LessonDocuments {
  /** The learner's pipeline for this lesson: the one it opened as before, else its start as a new one. */
  openLesson(lesson: Lesson): Promise<OpenOutcome>;
  /** The start again, as a new pipeline (the learner's previous attempt stays in the Pipelines menu). */
  startOver(lesson: Lesson): Promise<OpenOutcome>;
  /** The solution as a new pipeline. */
  openSolution(lesson: Lesson): Promise<OpenOutcome>;
  /** Whether the pipeline on screen is the one this lesson opened as. */
  isLessonOpen(lessonId: string): boolean;
  /** Whether the pipeline `openId` (named `name`) is this lesson's solution, opened from the panel. */
  isSolutionOpen(lesson: Lesson, openId: string, name: string): boolean;
}

/** Pipelines opened as a lesson's solution in this page, by pipeline id: their Checks never count as progress. */
const solutionPipelines = new Map<string, string>();
const solutionName = (lesson: Lesson): string => `Solution: ${lesson.title}`;

export function useLessonDocuments(library: LessonLibrary): LessonDocuments {
  const store = useEditorStore();
  return useMemo(() => {
    const session = documentSessionFor(store);
    const openAsNew = async (doc: PipelineDocument, name: string): Promise<OpenOutcome> => {
      const read = fromPipelineValue(doc);
      if (!read.ok) return read;
      return session.openAsNew({ ...read.doc, name });
    };
    const startOver = async (lesson: Lesson): Promise<OpenOutcome> => {
      const opened = await openAsNew(lesson.start, `Lesson: ${lesson.title}`);
      if (opened.ok) await library.markOpened(lesson.id, session.state.getState().openId);
      return opened;
    };
    return {
      startOver,
      openLesson: async (lesson) => {
        const known = library.progressOf(lesson.id).pipelineId;
        const { pipelines, openId } = session.state.getState();
        if (known !== undefined && known === openId) return { ok: true };
        if (known !== undefined && pipelines.some((p) => p.id === known)) {
          const opened = await session.open(known);
          if (opened.ok) return opened;
        }
        return startOver(lesson);
      },
      openSolution: async (lesson) => {
        const opened = await openAsNew(lesson.solution, solutionName(lesson));
        const id = session.state.getState().openId;
        if (opened.ok) solutionPipelines.set(id, lesson.id);
        return opened;
      },
      isLessonOpen: (lessonId) => library.progressOf(lessonId).pipelineId === session.state.getState().openId,
      // After a reload the map is empty; the name the panel gave it still tells.
      isSolutionOpen: (lesson, openId, name) => solutionPipelines.get(openId) === lesson.id || name === solutionName(lesson),
    };
  }, [store, library]);
}
