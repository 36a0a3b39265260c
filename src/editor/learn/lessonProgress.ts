/**
 * A learner's progress in one lesson: whether it was opened, which tasks
 * passed, and the pipeline it opened as (so opening it again goes back to the
 * learner's work instead of a fresh copy). Pure: stored by ./lessonLibrary.ts.
 */
import type { Lesson } from '../../lessons/format';

export interface LessonProgress {
  readonly opened: boolean;
  /** Ids of the tasks that passed a Check. */
  readonly passed: readonly string[];
  /** The id of the pipeline the lesson's start opened as. */
  readonly pipelineId?: string;
}

export const NOT_STARTED: LessonProgress = { opened: false, passed: [] };

export type LessonStatus = 'not-started' | 'in-progress' | 'done';

export interface ProgressSummary {
  readonly status: LessonStatus;
  readonly passed: number;
  readonly total: number;
}

export const STATUS_TEXT: ReadonlyMap<LessonStatus, string> = new Map([
  ['not-started', 'Not started'],
  ['in-progress', 'In progress'],
  ['done', 'Done'],
]);

/** Where a lesson stands: only tasks the lesson still has count (a teacher may have edited it since). */
export function summarize(lesson: Pick<Lesson, 'tasks'>, progress: LessonProgress): ProgressSummary {
  const passed = new Set(progress.passed);
  const count = lesson.tasks.filter((t) => passed.has(t.id)).length;
  const total = lesson.tasks.length;
  const status: LessonStatus = count === total ? 'done' : progress.opened || count > 0 ? 'in-progress' : 'not-started';
  return { status, passed: count, total };
}

/** "2 of 3 tasks passed". */
export function summaryText(summary: ProgressSummary): string {
  return `${summary.passed} of ${summary.total} ${summary.total === 1 ? 'task' : 'tasks'} passed`;
}

export function withPassed(progress: LessonProgress, taskId: string): LessonProgress {
  return progress.passed.includes(taskId) ? progress : { ...progress, opened: true, passed: [...progress.passed, taskId] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Progress as stored ([lesson id, progress] pairs): anything damaged is
 * skipped rather than trusted, so a bad record costs that lesson's progress only.
 */
export function readStoredProgress(value: unknown): Map<string, LessonProgress> {
  const out = new Map<string, LessonProgress>();
  if (!Array.isArray(value)) return out;
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !isRecord(entry[1])) continue;
    const [id, record] = entry as [string, Record<string, unknown>];
    const passed = Array.isArray(record.passed) ? record.passed.filter((p): p is string => typeof p === 'string') : [];
    const pipelineId = typeof record.pipelineId === 'string' ? record.pipelineId : undefined;
    out.set(id, { opened: record.opened === true, passed, ...(pipelineId === undefined ? {} : { pipelineId }) });
  }
  return out;
}

export function storedProgress(progress: ReadonlyMap<string, LessonProgress>): [string, LessonProgress][] {
  return [...progress];
}
