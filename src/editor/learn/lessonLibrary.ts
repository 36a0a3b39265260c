/**
 * The lessons a teacher imported and every lesson's progress, kept in
 * IndexedDB (a database of their own, beside the pipelines') and restored on
 * load. Imported lessons are kept as the text that was imported, so an export
 * gives back the teacher's file and a lesson that a later format no longer
 * reads is kept, with its problems, instead of being lost.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem } from '../../model/problems';
import type { Lesson } from '../../lessons/format';
import { parseLessonJson } from '../../lessons/validateLesson';
import { indexedDbBackend, memoryBackend, type KeyValueBackend } from '../persistence/backend';
import { NOT_STARTED, readStoredProgress, storedProgress, withPassed, type LessonProgress } from './lessonProgress';

export type ImportedLesson =
  | { readonly ok: true; readonly lesson: Lesson; readonly text: string }
  | { readonly ok: false; readonly name: string; readonly text: string; readonly problems: readonly Problem[] };

export interface LibraryState {
  readonly ready: boolean;
  readonly imported: readonly ImportedLesson[];
  readonly progress: ReadonlyMap<string, LessonProgress>;
  /** Set when storage failed: the work then lasts as long as the page. */
  readonly storageProblem: string | null;
}

export type ImportOutcome = { readonly ok: true; readonly lesson: Lesson; readonly replaced: boolean } | { readonly ok: false; readonly problems: readonly Problem[] };

export interface LessonLibrary {
  readonly state: StoreApi<LibraryState>;
  /** Reads what was stored (once, however often it is called). Never rejects. */
  restore(): Promise<void>;
  /** Reads, validates and keeps a lesson file's text; a lesson of the same id is replaced (a teacher's new version). */
  importText(text: string): Promise<ImportOutcome>;
  removeImported(lessonId: string): Promise<void>;
  progressOf(lessonId: string): LessonProgress;
  markOpened(lessonId: string, pipelineId: string): Promise<void>;
  markPassed(lessonId: string, taskId: string): Promise<void>;
}

const IMPORTED_KEY = 'imported';
const PROGRESS_KEY = 'progress';

function readStoredImports(value: unknown): ImportedLesson[] {
  if (!Array.isArray(value)) return [];
  return value.filter((text): text is string => typeof text === 'string').map((text, i) => {
    const reading = parseLessonJson(text);
    return reading.ok ? { ok: true, lesson: reading.lesson, text } : { ok: false, name: `imported lesson ${i + 1}`, text, problems: reading.problems };
  });
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A library over `backend`; `builtinIds` are refused as ids of imported lessons. */
export function createLessonLibrary(backend: KeyValueBackend, builtinIds: ReadonlySet<string>): LessonLibrary {
  const state = createStore<LibraryState>()(() => ({ ready: false, imported: [], progress: new Map(), storageProblem: null }));

  const progressOf = (lessonId: string): LessonProgress => state.getState().progress.get(lessonId) ?? NOT_STARTED;
  // Changes wait for what was stored, so a write never replaces stored lessons it has not read.
  let restored: Promise<void> | null = null;
  const read = async (): Promise<void> => {
    try {
      const [imported, progress] = await Promise.all([backend.get(IMPORTED_KEY), backend.get(PROGRESS_KEY)]);
      state.setState({ ready: true, imported: readStoredImports(imported), progress: readStoredProgress(progress) });
    } catch (error) {
      state.setState({ ready: true, storageProblem: `Lessons and progress could not be read: ${message(error)}` });
    }
  };
  const restore = (): Promise<void> => (restored ??= read());

  const save = async (entries: [string, unknown][]): Promise<void> => {
    try {
      await backend.setMany(entries);
    } catch (error) {
      state.setState({ storageProblem: `Progress could not be saved: ${message(error)}` });
    }
  };
  const saveImports = (): Promise<void> => save([[IMPORTED_KEY, state.getState().imported.map((l) => l.text)]]);
  const setProgress = async (lessonId: string, next: (now: LessonProgress) => LessonProgress): Promise<void> => {
    await restore();
    const now = progressOf(lessonId);
    const changed = next(now);
    if (changed === now) return;
    const progress = new Map(state.getState().progress);
    progress.set(lessonId, changed);
    state.setState({ progress });
    return save([[PROGRESS_KEY, storedProgress(progress)]]);
  };

  return {
    state,
    restore,
    async importText(text) {
      await restore();
      const reading = parseLessonJson(text);
      if (!reading.ok) return { ok: false, problems: reading.problems };
      const { lesson } = reading;
      if (builtinIds.has(lesson.id)) {
        return { ok: false, problems: [{ path: 'id', message: `a built-in lesson has the id '${lesson.id}': give this lesson an id of its own` }] };
      }
      const before = state.getState().imported;
      const replaced = before.some((l) => l.ok && l.lesson.id === lesson.id);
      state.setState({ imported: [...before.filter((l) => !(l.ok && l.lesson.id === lesson.id)), { ok: true, lesson, text }] });
      await saveImports();
      return { ok: true, lesson, replaced };
    },
    async removeImported(lessonId) {
      await restore();
      state.setState({ imported: state.getState().imported.filter((l) => !(l.ok && l.lesson.id === lessonId)) });
      await saveImports();
    },
    progressOf,
    markOpened: (lessonId, pipelineId) => setProgress(lessonId, (now) => ({ ...now, opened: true, pipelineId })),
    markPassed: (lessonId, taskId) => setProgress(lessonId, (now) => withPassed(now, taskId)),
  };
}

let pageLibrary: LessonLibrary | null = null;

/** The page's library, in IndexedDB (in memory where there is none), restoring itself on first use. */
export function lessonLibrary(builtinIds: ReadonlySet<string>): LessonLibrary {
  if (pageLibrary !== null) return pageLibrary;
  let backend: KeyValueBackend;
  let unavailable: string | null = null;
  try {
    backend = indexedDbBackend('windowpane-lessons', 'lessons');
  } catch (error) {
    backend = memoryBackend();
    unavailable = `This browser keeps no lessons or progress (${message(error)}): they last until the page closes.`;
  }
  pageLibrary = createLessonLibrary(backend, builtinIds);
  if (unavailable !== null) pageLibrary.state.setState({ storageProblem: unavailable });
  void pageLibrary.restore();
  return pageLibrary;
}
