/**
 * The Learn panel (issue 19), beside the canvas: the lessons with their
 * progress; a lesson's steps, tasks and solution; import (file or drop on
 * the panel), and lesson links. Its own chunk: the lessons, their validator
 * and the Markdown parser load when it first opens.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { loadBuiltinLessons, type BuiltinLessons } from '../../lessons/builtin';
import type { Lesson } from '../../lessons/format';
import type { Problem } from '../../model/problems';
import { CopyDialog } from '../documents/CopyDialog';
import { ProblemsDialog } from '../documents/ProblemsDialog';
import { copyText } from '../documents/transfer';
import { documentSessionFor } from '../persistence/restoreEditor';
import { useEditorStore } from '../store/context';
import { chooseLesson, closeLearn, learnStore, useLearn, type LearnState } from './learnStore';
import type { LearnUi } from './learnUi';
import { lessonLibrary } from './lessonLibrary';
import { clearLessonFragment, readLessonFragment } from './lessonLink';
import { LessonList } from './LessonList';
import { LessonView } from './LessonView';
import { useLessonDocuments } from './useLessonDocuments';
import { HiddenFilePicker } from '../files/HiddenFilePicker';

/** Lesson files are small; a file this big is not one. */
const MAX_LESSON_BYTES = 5 << 20;

type PanelDialog =
  | { readonly kind: 'problems'; readonly title: string; readonly problems: readonly Problem[] }
  | { readonly kind: 'copy'; readonly title: string; readonly text: string };

let builtinLessons: BuiltinLessons | null = null;
function builtin(): BuiltinLessons {
  builtinLessons ??= loadBuiltinLessons();
  return builtinLessons;
}

const lessonIdOf = (s: LearnState) => s.lessonId;
const focusRequestOf = (s: LearnState) => s.focusRequest;
const linkOf = (s: LearnState) => s.link;

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files');
}

export default function LearnPanel() {
  const { lessons, broken } = builtin();
  const builtinIds = useMemo(() => new Set(lessons.map((l) => l.id)), [lessons]);
  const library = lessonLibrary(builtinIds);
  const { ready, imported, progress, storageProblem } = useStore(library.state);
  const docs = useLessonDocuments(library);
  const store = useEditorStore();
  const session = documentSessionFor(store);
  const lessonId = useLearn(lessonIdOf);
  const focusRequest = useLearn(focusRequestOf);
  const link = useLearn(linkOf);
  const [dialog, setDialog] = useState<PanelDialog | null>(null);
  const [dropping, setDropping] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [focusRequest]);

  const ui: LearnUi = useMemo(() => ({
    report: (outcome, title) => {
      if (!outcome.ok) setDialog({ kind: 'problems', title, problems: outcome.problems });
    },
    notify: (message) => session.notify(message),
    copy: (text, done, title) => void copyText(text).then((copied) => {
      if (copied) session.notify(done);
      else setDialog({ kind: 'copy', title, text });
    }),
  }), [session]);

  const findLesson = (id: string): { lesson: Lesson; text: string | undefined } | undefined => {
    const own = lessons.find((l) => l.id === id);
    if (own !== undefined) return { lesson: own, text: undefined };
    const entry = imported.find((l) => l.ok && l.lesson.id === id);
    return entry?.ok === true ? { lesson: entry.lesson, text: entry.text } : undefined;
  };

  const open = useCallback(async (lesson: Lesson): Promise<void> => {
    const outcome = await docs.openLesson(lesson);
    if (!outcome.ok) {
      setDialog({ kind: 'problems', title: `“${lesson.title}” could not be opened`, problems: outcome.problems });
      return;
    }
    chooseLesson(lesson.id);
  }, [docs]);

  const importText = useCallback(async (text: string, from: string): Promise<void> => {
    const outcome = await library.importText(text);
    if (!outcome.ok) {
      setDialog({ kind: 'problems', title: `${from} can't be imported as a lesson`, problems: outcome.problems });
      return;
    }
    session.notify(`${outcome.replaced ? 'Replaced' : 'Imported'} the lesson “${outcome.lesson.title}”; it is kept in this browser.`);
  }, [library, session]);

  const importFile = async (file: File): Promise<void> => {
    if (file.size > MAX_LESSON_BYTES) {
      setDialog({ kind: 'problems', title: `“${file.name}” can't be imported as a lesson`, problems: [{ path: '', message: `the file is ${Math.round(file.size / 1048576)} MB; a lesson file is at most 5 MB` }] });
      return;
    }
    await importText(await file.text(), `“${file.name}”`);
  };

  // A lesson link: a built-in lesson by id, or a whole lesson, imported (and kept) like a file.
  useEffect(() => {
    if (link === null) return;
    learnStore.setState({ link: null });
    clearLessonFragment();
    const read = readLessonFragment(link);
    if (read === undefined) return;
    if (read.kind === 'damaged') {
      setDialog({ kind: 'problems', title: 'This lesson link can\'t be opened', problems: read.problems });
      return;
    }
    if (read.kind === 'builtin') {
      const lesson = lessons.find((l) => l.id === read.id);
      if (lesson === undefined) setDialog({ kind: 'problems', title: 'This lesson link can\'t be opened', problems: [{ path: 'learn', message: `no built-in lesson has the id '${read.id}'` }] });
      else void open(lesson);
      return;
    }
    void library.importText(read.text).then((outcome) => {
      if (outcome.ok) void open(outcome.lesson);
      else setDialog({ kind: 'problems', title: 'This lesson link can\'t be opened', problems: outcome.problems });
    });
  }, [link, lessons, library, open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || (event.target as Element).closest('dialog') !== null) return;
    event.preventDefault();
    closeLearn();
  };
  // Drops on the panel are lessons; the page's own drop handler (pipelines, data) sees them as handled.
  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    setDropping(false);
    if (!carriesFiles(event)) return;
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file !== undefined) void importFile(file);
  };

  const shown = lessonId === null ? undefined : findLesson(lessonId);
  return (
    <div className={`wp-learn${dropping ? ' is-dropping' : ''}`} onKeyDown={onKeyDown} onDragOver={onDragOver} onDragLeave={() => setDropping(false)} onDrop={onDrop}>
      <div className="wp-learn-header">
        <h2 ref={heading} tabIndex={-1} className="wp-learn-title">Learn</h2>
        <button type="button" className="wp-docs-button" onClick={() => fileInput.current?.click()}>Import lesson…</button>
        <button type="button" className="wp-learn-close" aria-label="Close the Learn panel" title="Close (Escape)" onClick={closeLearn}>×</button>
        <HiddenFilePicker inputRef={fileInput} accept=".json,application/json" label="Lesson file to import" onFile={(file) => void importFile(file)} />
      </div>
      {storageProblem === null ? null : <p className="wp-learn-storage" role="status">{storageProblem}</p>}
      {ready ? null : <p className="wp-learn-loading" role="status">Reading your progress…</p>}
      <div className="wp-learn-body">
        {shown === undefined
          ? <LessonList builtin={lessons} broken={broken} imported={imported} progress={progress} onOpen={(lesson) => void open(lesson)} onShowProblems={(title, problems) => setDialog({ kind: 'problems', title, problems })} />
          : <LessonView key={shown.lesson.id} lesson={shown.lesson} text={shown.text} library={library} docs={docs} onBack={() => chooseLesson(null)} ui={ui} />}
      </div>
      {dropping ? <div className="wp-learn-drop-hint" aria-hidden="true">Drop a lesson file to import it</div> : null}
      {dialog?.kind === 'problems' ? <ProblemsDialog title={dialog.title} problems={dialog.problems} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'copy' ? <CopyDialog title={dialog.title} text={dialog.text} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
