import { lazy, Suspense } from 'react';
import { PanelBoundary } from '../panels/PanelBoundary';
import { useLearn, type LearnState } from './learnStore';
import './learn.css';

const LearnPanel = lazy(() => import('./LearnPanel'));
const openOf = (s: LearnState) => s.open;

/**
 * The column beside the canvas that holds the Learn panel while it is open
 * (the top bar's Learn button, or a lesson link, opens it). A landmark, so
 * the panel is one keystroke away for a screen reader; the canvas stays usable beside it.
 */
export function LearnSide() {
  const open = useLearn(openOf);
  if (!open) return null;
  return (
    <aside className="wp-editor-side wp-editor-learn" aria-label="Learn">
      <PanelBoundary title="Learn panel">
        <Suspense fallback={<p className="wp-learn-loading" role="status">Loading the lessons…</p>}>
          <LearnPanel />
        </Suspense>
      </PanelBoundary>
    </aside>
  );
}
