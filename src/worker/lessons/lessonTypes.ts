/** Lessons across the worker boundary: Check runs the learner's pipeline in the worker. */
import type { LessonCheckAnswer } from '../../lessons/evaluate';
import type { LessonTask } from '../../lessons/format';
import type { PipelineDocument } from '../../model';

export interface LessonApi {
  /** Runs `doc` apart from any live run (which keeps running) and evaluates the tasks on it. */
  checkLessonTasks(doc: PipelineDocument, tasks: readonly LessonTask[]): Promise<LessonCheckAnswer>;
}
