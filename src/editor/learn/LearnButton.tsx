import { useEffect } from 'react';
import { closeLearn, LEARN_BUTTON_ID, openLessonLink, showLearn, useLearn, type LearnState } from './learnStore';
import { isLessonFragment } from './lessonLink';

const openOf = (s: LearnState) => s.open;

/**
 * The top bar's Learn button: opens and closes the Learn panel. It also
 * notices lesson links (on load, or pasted into the address bar since) and
 * opens the panel on them.
 */
export function LearnButton() {
  const open = useLearn(openOf);
  useEffect(() => {
    const onHash = (): void => {
      if (isLessonFragment(location.hash)) openLessonLink(location.hash);
    };
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <button
      type="button"
      id={LEARN_BUTTON_ID}
      className="wp-learn-button"
      aria-expanded={open}
      title="Lessons on streaming, checked by running your pipeline"
      onClick={() => (open ? closeLearn() : showLearn())}
    >
      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><path d="M2 7l10-4 10 4-10 4zM6 9v5c0 1.7 2.7 3 6 3s6-1.3 6-3V9M22 7v6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" /></svg>
      <span className="wp-learn-button-label">Learn</span>
    </button>
  );
}
