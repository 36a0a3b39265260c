/**
 * Which window node the worker records for the timeline, whether or not the
 * Timeline tab is shown: the run's events are there when the tab opens, even
 * after the run ended. Used by the dock (always mounted), as the tab unmounts
 * while hidden.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useRunControllerOrNull } from '../run/RunProvider';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { chosenWindowStore } from './chosenWindow';
import { followedWindow } from './followedWindow';

const selectedOf = (s: EditorState) => (s.selection.nodes.length === 1 ? s.selection.nodes[0]! : null);

/**
 * Tells the worker which window node to record: the one the tab shows, and
 * whether the tab is on screen (`tabShown`); at Max speed a hidden tab's node
 * is recorded for at most HIDDEN_TIMELINE_EVENTS more events, as recording
 * slows a Max run about threefold (bench/timelineCost.ts).
 */
export function useTimelineRecording(tabShown: boolean): void {
  const controller = useRunControllerOrNull();
  const selected = useEditor(selectedOf);
  const chosen = useStore(chosenWindowStore, (s) => s.nodeId);
  const shownNode = useEditor((s: EditorState) => followedWindow(s.doc, selected, chosen));
  useEffect(() => {
    if (controller === null) return;
    void controller.send((api) => api.followTimeline(shownNode, tabShown));
  }, [controller, shownNode, tabShown]);
}
