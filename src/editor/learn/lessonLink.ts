/**
 * Links that open a lesson: `#lesson=<lz-string of the lesson JSON>` carries
 * a whole lesson (a teacher's), `#learn=<id>` names a built-in one. Reading a
 * link never throws: a damaged or hostile one comes back as its problems.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Problem } from '../../model/problems';

const LESSON_PREFIX = '#lesson=';
const LEARN_PREFIX = '#learn=';
/** Longer than any id the format allows, so a long one is still named (cut) in its problem. */
const SHOWN_ID_LENGTH = 80;

export type LessonFragment =
  | { readonly kind: 'lesson'; readonly text: string }
  | { readonly kind: 'builtin'; readonly id: string }
  | { readonly kind: 'damaged'; readonly problems: readonly Problem[] };

/** Whether `hash` is a lesson link at all (cheap: the page's first paint asks it). */
export function isLessonFragment(hash: string): boolean {
  return hash.startsWith(LESSON_PREFIX) || hash.startsWith(LEARN_PREFIX);
}

function damaged(path: string, message: string): LessonFragment {
  return { kind: 'damaged', problems: [{ path, message }] };
}

/** What a lesson link asks for; undefined when `hash` is not one. */
export function readLessonFragment(hash: string): LessonFragment | undefined {
  if (hash.startsWith(LEARN_PREFIX)) {
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(LEARN_PREFIX.length));
    } catch {
      return damaged('learn', 'the lesson link is damaged: its lesson id is not valid URL text');
    }
    if (id === '') return damaged('learn', 'the lesson link names no lesson');
    return { kind: 'builtin', id: id.length > SHOWN_ID_LENGTH ? `${id.slice(0, SHOWN_ID_LENGTH)}…` : id };
  }
  if (!hash.startsWith(LESSON_PREFIX)) return undefined;
  const data = hash.slice(LESSON_PREFIX.length);
  if (data === '') return damaged('lesson', 'the lesson link is damaged: it holds no lesson');
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(data);
  } catch {
    text = null;
  }
  if (text === null || text === '') return damaged('lesson', 'the lesson link is damaged: its data cannot be decompressed (was it cut short when copied?)');
  return { kind: 'lesson', text };
}

function withoutFragment(base: string): string {
  const hash = base.indexOf('#');
  return hash === -1 ? base : base.slice(0, hash);
}

/** A link to this page that opens the lesson whose JSON is `text`. */
export function lessonLink(text: string, base: string): string {
  return `${withoutFragment(base)}${LESSON_PREFIX}${compressToEncodedURIComponent(text)}`;
}

/** A link to this page that opens the built-in lesson `id`. */
export function builtinLessonLink(id: string, base: string): string {
  return `${withoutFragment(base)}${LEARN_PREFIX}${encodeURIComponent(id)}`;
}

/** Removes the fragment without a new history entry, so a reload does not open the link again. */
export function clearLessonFragment(): void {
  if (isLessonFragment(location.hash)) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}
