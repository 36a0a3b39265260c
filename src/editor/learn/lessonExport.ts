import type { Lesson } from '../../lessons/format';

/** The lesson as a file: an imported one as it was imported, a built-in one as the app read it (defaults written out). */
export function lessonFileText(lesson: Lesson, text: string | undefined): string {
  return text ?? `${JSON.stringify(lesson, null, 2)}\n`;
}
