import { describe, expect, it } from 'vitest';
import { loadBuiltinLessons } from '../../lessons/builtin';
import { parseLessonJson } from '../../lessons/validateLesson';
import { lessonFileText } from './lessonExport';

describe('lesson export', () => {
  it('gives every built-in lesson as a file that imports again as the same lesson', () => {
    const { lessons } = loadBuiltinLessons();
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) {
      const again = parseLessonJson(lessonFileText(lesson, undefined));
      expect(again.ok, lesson.id).toBe(true);
      if (again.ok) expect(again.lesson).toEqual(lesson);
    }
  });

  it('gives an imported lesson back as the teacher\'s own text', () => {
    const { lessons } = loadBuiltinLessons();
    expect(lessonFileText(lessons[0]!, '{ "as": "imported" }')).toBe('{ "as": "imported" }');
  });
});
