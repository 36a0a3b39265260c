import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { freeSpot } from '../canvas/placement';
import { NODE_SIZE } from '../canvas/flowTypes';
import { useEditorStore } from '../store/context';
import { formatBytes } from '../../worker/fileStore/store';
import { storeDataFile } from '../files/storeDataFile';
import { dataFileNode } from './dataFile';
import { wantedFile } from '../files/wantedFile';
import { withStoredFile } from '../files/replaceParams';

/** A point of the screen, in client pixels. */
export interface ScreenPoint {
  readonly clientX: number;
  readonly clientY: number;
}

/** The id of the canvas node under a screen point, if any. */
function nodeUnder(at: ScreenPoint): string | null {
  const node = document.elementFromPoint(at.clientX, at.clientY)?.closest('.react-flow__node');
  return node?.getAttribute('data-id') ?? null;
}

/**
 * Adds a file source for a dropped (or picked) data file, kept in the
 * browser's file store and referred to by the node: at the drop point, or
 * in the middle of the visible canvas; one undo step, and the new node
 * selected. Dropped on a file source that still needs its file (an example
 * naming a file it cannot ship, a new File node), that node takes it.
 * Resolves to a sentence for the notice bar and whether it worked. Needs a ReactFlowProvider above it.
 */
export function useDataFileDrop(onProgress?: (file: File, bytesDone: number) => void): (file: File, at: ScreenPoint | null) => Promise<{ ok: boolean; message: string }> {
  const store = useEditorStore();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  return useCallback(async (file, at) => {
    const box = flowStore.getState().domNode?.getBoundingClientRect();
    // A drop outside the canvas (on the palette, say) lands in its middle, where it can be seen.
    const inside = at !== null && box !== undefined && at.clientX >= box.left && at.clientX <= box.right && at.clientY >= box.top && at.clientY <= box.bottom;
    // Dropped on a file source that still needs its file: that node takes it (with its own settings), no second node.
    const under = inside ? nodeUnder(at) : null;
    const target = under !== null && wantedFile(under)(store.getState()) !== undefined ? under : null;
    const hint = target === null ? undefined : store.getState().doc.nodes.find((n) => n.id === target)?.params.eventTime;
    const kept = await storeDataFile(file, typeof hint === 'string' ? hint : undefined, onProgress === undefined ? undefined : (done) => onProgress(file, done));
    if (!kept.ok) return { ok: false, message: kept.message };
    const stored = { hash: kept.record.hash, size: kept.record.size };
    const node = target === null ? undefined : store.getState().doc.nodes.find((n) => n.id === target);
    if (node !== undefined) {
      store.getState().setParams(node.id, withStoredFile(node.params, file.name, stored, kept.layout));
      return { ok: true, message: `${node.name ?? node.id} now reads ${file.name} (${formatBytes(file.size)}, kept in this browser).` };
    }
    const point = inside ? at : box === undefined ? { clientX: 0, clientY: 0 } : { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
    const p = flow.screenToFlowPosition({ x: point.clientX, y: point.clientY });
    const { doc } = store.getState();
    const added = dataFileNode(doc, file.name, stored, kept.layout, freeSpot(doc, { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 }));
    store.getState().insertFragment([added], []);
    return { ok: true, message: `Added a file source with ${file.name} (${formatBytes(file.size)}, kept in this browser; event time “${kept.layout.eventTime}”). Connect it and press Run.` };
  }, [flow, flowStore, store, onProgress]);
}
