/**
 * Reads a lesson file: JSON syntax, the lesson schema, both pipelines (with
 * the pipeline validator, paths prefixed `start.` / `solution.`), and the
 * references between them (a check's node must exist in the solution).
 * Every problem comes back with its path; nothing throws.
 */
import type { Problem } from '../model/problems';
import type { Lesson } from './format';

export type LessonReading = { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly problems: readonly Problem[] };

export function validateLesson(input: unknown): LessonReading {
  void input;
  throw new Error('validateLesson: not built yet');
}

/** Parses lesson file text: a syntax error gets its line and column. */
export function parseLessonJson(text: string): LessonReading {
  void text;
  throw new Error('parseLessonJson: not built yet');
}
