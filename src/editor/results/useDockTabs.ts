import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunState } from '../run/types';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { useRun } from '../run/RunProvider';
import type { SinkViewSpec } from './sinkViews';

export const PROBLEMS_TAB = 'problems';
export const PREVIEW_TAB = 'preview';
export const TIMELINE_TAB = 'timeline';
export const sinkTab = (id: string): string => `sink:${id}`;

const phaseOf = (s: RunState) => s.phase;
const selectedNodesOf = (s: EditorState) => s.selection.nodes;

/**
 * Which tab of the results dock is open, and the two moves it makes by
 * itself: when a run starts with nothing to fix, to the first sink's view;
 * when a node is clicked while a run exists, to that sink's view or to the
 * node's preview. Returns the tab, a setter and the node a preview shows.
 */
export function useDockTabs(views: readonly SinkViewSpec[], problemCount: number, timeline: { readonly shown: boolean; readonly followsSelection: boolean }): {
  active: string;
  choose: (tab: string) => void;
  previewNode: string | null;
} {
  const [chosen, choose] = useState(PROBLEMS_TAB);
  const phase = useRun(phaseOf);
  const selected = useEditor(useShallow(selectedNodesOf));
  const single = selected.length === 1 ? selected[0]! : null;
  // A sink with a view shows its results in its own tab; a preview of it would say less.
  const previewNode = single !== null && !views.some((v) => v.id === single) ? single : null;
  const lastPhase = useRef(phase);
  const lastSelected = useRef(single);

  useEffect(() => {
    const started = phase === 'running' && (lastPhase.current === 'idle' || lastPhase.current === 'finished' || lastPhase.current === 'failed');
    lastPhase.current = phase;
    if (started && problemCount === 0 && views.length > 0) choose((tab) => (tab === PROBLEMS_TAB ? sinkTab(views[0]!.id) : tab));
  }, [phase, problemCount, views]);

  useEffect(() => {
    if (single === lastSelected.current) return;
    lastSelected.current = single;
    if (single === null || phase === 'idle') return;
    // The timeline follows a selected window node itself; leaving it for the preview would hide what was asked for.
    if (timeline.followsSelection) {
      choose((tab) => (tab === TIMELINE_TAB ? tab : previewNode === null ? sinkTab(single) : PREVIEW_TAB));
      return;
    }
    choose(previewNode === null ? sinkTab(single) : PREVIEW_TAB);
  }, [single, previewNode, phase, timeline.followsSelection]);

  const exists = chosen === PROBLEMS_TAB || (chosen === TIMELINE_TAB && timeline.shown) || (chosen === PREVIEW_TAB && previewNode !== null) || views.some((v) => sinkTab(v.id) === chosen);
  return { active: exists ? chosen : PROBLEMS_TAB, choose, previewNode };
}
