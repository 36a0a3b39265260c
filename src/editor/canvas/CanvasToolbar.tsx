import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import { redo, undo } from '../shortcuts/commands';
import { ShortcutsHelp } from '../shortcuts/ShortcutsHelp';
import { useEditorStore } from '../store/context';
import type { EditorDocument } from '../store/types';
import { layoutPositions } from './autoLayout';
import { GRID, NODE_SIZE } from './flowTypes';
import { fitRequestStore } from './fitRequest';
import { drawnBoxes, frameFor } from './useFrameOnOpen';
import { isUnframed } from '../persistence/records';

type History = TemporalState<{ doc: EditorDocument }>;
const canUndo = (s: History) => s.pastStates.length > 0;
const canRedo = (s: History) => s.futureStates.length > 0;

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function Icon({ d }: { d: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Undo, redo, auto-layout and fit view, floating over the canvas's top-left corner. */
export function CanvasToolbar() {
  const store = useEditorStore();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const undoable = useStore(store.temporal, canUndo);
  const redoable = useStore(store.temporal, canRedo);
  const [laying, setLaying] = useState(false);

  // Every node in view, clear of this toolbar and the notices above the canvas.
  const fitView = (): void => {
    const state = flowStore.getState();
    const boxes = [...state.nodeLookup.values()].map((n) => ({
      ...n.internals.positionAbsolute,
      width: n.measured.width ?? NODE_SIZE.width,
      height: n.measured.height ?? NODE_SIZE.height,
    }));
    const viewport = frameFor(boxes, state, false);
    if (viewport !== undefined) void flow.setViewport(viewport, { duration: 300 });
  };

  // A fit asked for from outside (a lesson opening): once the opened pipeline is drawn and framed, fit it all, even below readable zoom.
  useEffect(() => fitRequestStore.subscribe(() => {
    let frames = 0;
    const tryFit = (): void => {
      const boxes = drawnBoxes(store.getState().doc, flowStore.getState());
      const ready = boxes !== undefined && !isUnframed(store.getState().viewport);
      const viewport = ready ? frameFor(boxes, flowStore.getState(), false) : undefined;
      if (viewport !== undefined) {
        void flow.setViewport(viewport, { duration: 200 });
        store.getState().setViewport(viewport);
      } else if (++frames < 60) requestAnimationFrame(tryFit);
    };
    requestAnimationFrame(tryFit);
  }), [store, flow, flowStore]);

  const autoLayout = async (): Promise<void> => {
    const { doc } = store.getState();
    if (doc.nodes.length === 0) return;
    setLaying(true);
    try {
      const measured = new Map(flow.getNodes().map((n) => [n.id, n.measured]));
      const boxes = doc.nodes.map((n) => ({ id: n.id, width: measured.get(n.id)?.width ?? NODE_SIZE.width, height: measured.get(n.id)?.height ?? NODE_SIZE.height }));
      const origin = { x: Math.min(...doc.nodes.map((n) => n.position.x)), y: Math.min(...doc.nodes.map((n) => n.position.y)) };
      const positions = await layoutPositions(boxes, doc.edges, origin, GRID);
      // One undo step for the whole layout.
      store.getState().moveNodes(positions, true);
      requestAnimationFrame(() => requestAnimationFrame(fitView));
    } finally {
      setLaying(false);
    }
  };

  return (
    <div className="wp-canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button type="button" aria-label="Undo" title={`Undo (${MOD}Z)`} disabled={!undoable} onClick={() => undo(store)}>
        <Icon d="M9 14 4 9l5-5 M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
      </button>
      <button type="button" aria-label="Redo" title={`Redo (${MOD}Shift+Z)`} disabled={!redoable} onClick={() => redo(store)}>
        <Icon d="m15 14 5-5-5-5 M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
      </button>
      <span className="wp-toolbar-divider" aria-hidden="true" />
      <button type="button" aria-label="Auto-layout" title="Auto-layout, left to right" disabled={laying} onClick={() => void autoLayout()}>
        <Icon d="M3 5h5v4H3z M3 15h5v4H3z M16 10h5v4h-5z M8 7h3a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H8 M13 12h3" />
        <span>Layout</span>
      </button>
      <button type="button" aria-label="Fit view" title="Fit the pipeline in view" onClick={fitView}>
        <Icon d="M4 9V4h5 M20 9V4h-5 M4 15v5h5 M20 15v5h-5" />
      </button>
      <span className="wp-toolbar-divider" aria-hidden="true" />
      <ShortcutsHelp />
    </div>
  );
}
