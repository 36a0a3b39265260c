/** Builds lesson tasks for tests through the zod schema, so defaults (tolerance, hints) are filled in as a lesson file's would be. */
import { taskSchema, type LessonTask } from '../format';

export function task(input: unknown): LessonTask {
  return taskSchema.parse(input);
}

/** One task with one check of `measure`. */
export function checkTask(measure: unknown, op: string, value: unknown, says = 'the condition holds'): LessonTask {
  return task({ id: 't', text: 'Do it.', checks: [{ measure, op, value, says }] });
}
