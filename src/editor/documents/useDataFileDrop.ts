import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { freeSpot } from '../canvas/placement';
import { NODE_SIZE } from '../canvas/flowTypes';
import { useEditorStore } from '../store/context';
import { dataFileNode } from './dataFile';

/** A point of the screen, in client pixels. */
export interface ScreenPoint {
  readonly clientX: number;
  readonly clientY: number;
}

/**
 * Adds a file source for a dropped (or picked) CSV or NDJSON file: at the
 * drop point, or in the middle of the visible canvas; one undo step, and the
 * new node selected. Resolves to a sentence for the notice bar and whether it
 * worked. Needs a ReactFlowProvider above it.
 */
export function useDataFileDrop(): (file: File, at: ScreenPoint | null) => Promise<{ ok: boolean; message: string }> {
  const store = useEditorStore();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  return useCallback(async (file, at) => {
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return { ok: false, message: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
    const box = flowStore.getState().domNode?.getBoundingClientRect();
    // A drop outside the canvas (on the palette, say) lands in its middle, where it can be seen.
    const inside = at !== null && box !== undefined && at.clientX >= box.left && at.clientX <= box.right && at.clientY >= box.top && at.clientY <= box.bottom;
    const point = inside ? at : box === undefined ? { clientX: 0, clientY: 0 } : { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
    const p = flow.screenToFlowPosition({ x: point.clientX, y: point.clientY });
    const { doc } = store.getState();
    const made = dataFileNode(doc, file.name, text, freeSpot(doc, { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 }));
    if (!made.ok) return { ok: false, message: made.message };
    store.getState().insertFragment([made.node], []);
    const rows = made.rows === 1 ? '1 row' : `${made.rows.toLocaleString('en-US')} rows`;
    return { ok: true, message: `Added a file source with ${file.name} (${rows}, event time “${made.eventTime}”). Connect it and press Run.` };
  }, [flow, flowStore, store]);
}
