/** A lesson's own actions: start over, download it, copy a link to it, remove an imported one. */
import type { Lesson } from '../../lessons/format';
import { downloadText } from '../documents/transfer';
import type { LearnUi } from './learnUi';
import { lessonFileText } from './lessonExport';
import type { LessonLibrary } from './lessonLibrary';
import { builtinLessonLink, lessonLink } from './lessonLink';
import type { LessonDocuments } from './useLessonDocuments';

/** Browsers stop reading addresses at about 2 MB. */
const MAX_LINK_LENGTH = 2_000_000;

export function LessonActions({ lesson, text, library, docs, onRemoved, ui }: {
  readonly lesson: Lesson;
  readonly text: string | undefined;
  readonly library: LessonLibrary;
  readonly docs: LessonDocuments;
  readonly onRemoved: () => void;
  readonly ui: LearnUi;
}) {
  const fileName = `${lesson.id}.lesson.json`;
  const copyLink = (): void => {
    const link = text === undefined ? builtinLessonLink(lesson.id, location.href) : lessonLink(text, location.href);
    if (link.length > MAX_LINK_LENGTH) {
      ui.notify('This lesson is too large for a link: download it as a file instead.');
      return;
    }
    ui.copy(link, 'Lesson link copied. Anyone with it can open this lesson.', 'Copy the lesson link');
  };
  return (
    <div className="wp-learn-actions" role="group" aria-label="This lesson">
      <button type="button" className="wp-docs-button" onClick={() => void docs.startOver(lesson).then((o) => {
        ui.report(o, `“${lesson.title}” could not start over`);
        if (o.ok) ui.notify('The starting pipeline opened again; your previous attempt is in the Pipelines menu.');
      })}>
        Start over
      </button>
      <button type="button" className="wp-docs-button" onClick={() => {
        downloadText(lessonFileText(lesson, text), fileName);
        ui.notify(`Downloaded ${fileName}.`);
      }}>
        Download lesson
      </button>
      <button type="button" className="wp-docs-button" onClick={copyLink}>Copy lesson link</button>
      {text === undefined ? null : (
        <button type="button" className="wp-docs-button" onClick={() => void library.removeImported(lesson.id).then(() => {
          ui.notify(`“${lesson.title}” was removed from this browser.`);
          onRemoved();
        })}>
          Remove lesson
        </button>
      )}
    </div>
  );
}
