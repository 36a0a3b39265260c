/**
 * Check: runs the learner's pipeline (every source capped at
 * LESSON_EVENT_LIMIT events) and evaluates each task's checks and prediction
 * measure on the run, in words. Pure engine code: runs in the worker and in
 * Node (the built-in lessons' tests).
 */
import type { PipelineDocument } from '../model';
import type { Problem } from '../model/problems';
import type { LessonTask, MeasureValue } from './format';

/** Events each source may give a lesson run at most (sample streams may be unbounded). */
export const LESSON_EVENT_LIMIT = 100_000;

export interface CheckOutcome {
  /** The check's own words ("the late port is empty"). */
  readonly says: string;
  readonly holds: boolean;
  /** What the run measured. */
  readonly actual: MeasureValue;
  /** A sentence telling what holds or not and why: "does not hold: 3 events went to the late port of 'w1' (expected 0)". */
  readonly text: string;
}

export interface TaskReport {
  readonly taskId: string;
  /** Every check holds (a task without checks passes once its prediction was made). */
  readonly passed: boolean;
  readonly checks: readonly CheckOutcome[];
  /** The measured value of the task's prediction measure, when it has one. */
  readonly measured?: MeasureValue;
}

export type LessonCheckAnswer =
  | { readonly ok: true; readonly tasks: readonly TaskReport[]; readonly eventsRead: number }
  | { readonly ok: false; readonly message: string; readonly problems: readonly Problem[] };

export function evaluateTasks(doc: PipelineDocument, tasks: readonly LessonTask[]): LessonCheckAnswer {
  void doc;
  void tasks;
  throw new Error('evaluateTasks: not built yet');
}
