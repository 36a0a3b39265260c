import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { RunState } from '../run/types';
import { useRun, useRunControllerOrNull } from '../run/RunProvider';
import { useBreakpoints } from '../breakpoints/store';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { chooseWindow, chosenWindowStore } from './chosenWindow';
import { followedWindow, windowNodes } from './followedWindow';
import { runTimelineSource } from './timelineSource';
import { TimelineView } from './TimelineView';

const phaseOf = (s: RunState) => s.phase;
/** The past position the run is shown at (time travel), or null at its head: the timeline then shows it as of then. */
const pastOf = (s: RunState) => (s.travel !== null && s.travel.position < s.travel.head ? s.travel.position : null);
const windowsOf = (s: EditorState) => windowNodes(s.doc).map((w) => `${w.id}\u0000${w.name}`);
const selectedOf = (s: EditorState) => (s.selection.nodes.length === 1 ? s.selection.nodes[0]! : null);

/**
 * The dock's Timeline tab: the timeline of the selected window node (or the
 * only one, or the one picked here) of the page's run.
 */
export function TimelinePanel({ active }: { active: boolean }) {
  const controller = useRunControllerOrNull();
  const source = useMemo(() => (controller === null ? null : runTimelineSource(controller)), [controller]);
  const phase = useRun(phaseOf);
  const atPosition = useRun(pastOf);
  const shownAt = useRun((s: RunState) => s.travel?.position ?? null);
  const hit = useBreakpoints((s) => s.hit);
  // The hit is ringed while the run stands where it stopped; once it moves on (or travels elsewhere) it is history.
  const stop = useMemo(
    () => (hit === null || hit.position !== shownAt ? null : { point: { nodeId: hit.nodeId, seq: hit.seq, position: hit.position }, what: hit.what }),
    [hit, shownAt],
  );
  const windows = useEditor(useShallow(windowsOf)).map((w) => {
    const [id, name] = w.split('\u0000') as [string, string];
    return { id, name };
  });
  const selected = useEditor(selectedOf);
  const chosen = useStore(chosenWindowStore, (s) => s.nodeId);
  const nodeId = useEditor((s: EditorState) => followedWindow(s.doc, selected, chosen));
  if (source === null) return <p className="wp-preview-empty">This page runs no pipelines.</p>;
  if (nodeId === null) return <p className="wp-preview-empty">Add a window node to see its events on a timeline.</p>;
  const title = windows.find((w) => w.id === nodeId)?.name ?? nodeId;
  return (
    <TimelineView
      key={nodeId}
      source={source}
      nodeId={nodeId}
      title={title}
      active={active}
      atPosition={atPosition}
      stop={stop}
      waiting={phase === 'idle' ? 'Run the pipeline to see the events of this window node on a timeline.' : 'No events have reached this window node yet.'}
      picker={windows.length > 1 && (
        <label className="wp-timeline-control">
          Window
          <select value={nodeId} onChange={(e) => chooseWindow(e.currentTarget.value)}>
            {windows.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
          </select>
        </label>
      )}
    />
  );
}
