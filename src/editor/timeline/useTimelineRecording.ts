/**
 * Which window node the worker records for the timeline, whether or not the
 * Timeline tab is shown: the run's events are there when the tab opens, even
 * after the run ended. Always mounted (by the dock), unlike the tab.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { RunSpeed } from '../../worker/protocol';
import type { RunState } from '../run/types';
import { useRun, useRunControllerOrNull } from '../run/RunProvider';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { chosenWindowStore } from './chosenWindow';
import { followedWindow } from './followedWindow';

const speedOf = (s: RunState) => s.speed;
const selectedOf = (s: EditorState) => (s.selection.nodes.length === 1 ? s.selection.nodes[0]! : null);

/**
 * The node to record: the one the tab shows (`shownNode`) at a paced speed,
 * where recording costs some spare time of the worker, or while the tab is
 * open. At Max with the tab hidden, none: recording the window node's every
 * event slows a Max run about threefold (bench/timelineCost.ts), and the
 * worker keeps recording a run it already records to its end anyway.
 */
export function recordedWindow(shownNode: string | null, tabShown: boolean, speed: RunSpeed): string | null {
  return tabShown || speed !== 'max' ? shownNode : null;
}

/** Tells the worker which window node to record (see recordedWindow); `tabShown` is true while the Timeline tab is on screen. */
export function useTimelineRecording(tabShown: boolean): void {
  const controller = useRunControllerOrNull();
  const selected = useEditor(selectedOf);
  const chosen = useStore(chosenWindowStore, (s) => s.nodeId);
  const shownNode = useEditor((s: EditorState) => followedWindow(s.doc, selected, chosen));
  const recorded = recordedWindow(shownNode, tabShown, useRun(speedOf));
  useEffect(() => {
    if (controller === null) return;
    void controller.send((api) => api.followTimeline(recorded));
  }, [controller, recorded]);
}
