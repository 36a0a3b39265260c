import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { builtinLessonLink, isLessonFragment, lessonLink, readLessonFragment } from './lessonLink';

const fragmentOf = (link: string): string => link.slice(link.indexOf('#'));

describe('lesson links', () => {
  it('carry a lesson text there and back, replacing the base link\'s fragment', () => {
    const text = '{"format":"windowpane.lesson","title":"Watermarks — ünïcode"}';
    const link = lessonLink(text, 'https://example.org/app/#share=abc');
    expect(link.startsWith('https://example.org/app/#lesson=')).toBe(true);
    expect(readLessonFragment(fragmentOf(link))).toEqual({ kind: 'lesson', text });
  });

  it('name a built-in lesson by id', () => {
    const link = builtinLessonLink('02-watermarks', 'http://localhost:5173/');
    expect(link).toBe('http://localhost:5173/#learn=02-watermarks');
    expect(readLessonFragment(fragmentOf(link))).toEqual({ kind: 'builtin', id: '02-watermarks' });
  });

  it('leave other fragments alone', () => {
    expect(readLessonFragment('#share=abc')).toBeUndefined();
    expect(readLessonFragment('')).toBeUndefined();
    expect(isLessonFragment('#share=abc')).toBe(false);
    expect(isLessonFragment('#learn=x')).toBe(true);
  });

  it('report damaged links with a path and a reason instead of throwing', () => {
    for (const hash of ['#lesson=', '#lesson=%%%not-lz', '#learn=', '#learn=%E0%A4%A']) {
      const read = readLessonFragment(hash);
      expect(read?.kind, hash).toBe('damaged');
      if (read?.kind === 'damaged') {
        expect(read.problems[0]?.path).toMatch(/^(lesson|learn)$/);
        expect(read.problems[0]?.message).toMatch(/lesson link/);
      }
    }
  });

  it('cut an absurdly long built-in id so a problem naming it stays readable', () => {
    const read = readLessonFragment(`#learn=${'a'.repeat(100_000)}`);
    expect(read?.kind).toBe('builtin');
    if (read?.kind === 'builtin') expect(read.id.length).toBeLessThan(100);
  });

  it('hand over whatever text a hostile link decompresses to, for the lesson validator to judge', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(readLessonFragment(`#lesson=${compressToEncodedURIComponent(hostile)}`)).toEqual({ kind: 'lesson', text: hostile });
  });
});
