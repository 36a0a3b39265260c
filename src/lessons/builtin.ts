/**
 * The built-in lessons: every file in lessons/ at the project root, validated
 * and listed by `order`. A built-in lesson that fails validation is a bug: its
 * problems are kept (the Learn panel shows them; a unit test fails).
 */
import type { Problem } from '../model/problems';
import type { Lesson } from './format';
import { validateLesson } from './validateLesson';

const modules: Record<string, unknown> = import.meta.glob('../../lessons/*.json', { eager: true, import: 'default' });

export interface BuiltinLessons {
  readonly lessons: readonly Lesson[];
  /** Files that failed validation, by file name. */
  readonly broken: ReadonlyMap<string, readonly Problem[]>;
}

export function loadBuiltinLessons(): BuiltinLessons {
  const lessons: Lesson[] = [];
  const broken = new Map<string, readonly Problem[]>();
  for (const [path, value] of Object.entries(modules)) {
    const reading = validateLesson(value);
    if (reading.ok) lessons.push(reading.lesson);
    else broken.set(path.slice(path.lastIndexOf('/') + 1), reading.problems);
  }
  lessons.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.id.localeCompare(b.id));
  return { lessons, broken };
}
