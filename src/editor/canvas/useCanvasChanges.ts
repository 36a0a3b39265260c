import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useRef, useState, type RefObject } from 'react';
import { useEditorStore } from '../store/context';
import type { Selection } from '../store/types';
import type { PipelineFlowEdge, PipelineFlowNode } from './flowTypes';
import type { Size } from './useFlowElements';

/**
 * What React Flow reports the user did, turned into store actions: moves
 * (one undo step per drag), selection, and the sizes it measured, which a
 * controlled flow hands back on its nodes. `selectingHere` is true while
 * the canvas itself changes the selection.
 */
export function useCanvasChanges(): {
  sizes: ReadonlyMap<string, Size>;
  onNodesChange: (changes: NodeChange<PipelineFlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<PipelineFlowEdge>[]) => void;
  selectingHere: RefObject<boolean>;
} {
  const store = useEditorStore();
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const dragging = useRef(false);
  const selectingHere = useRef(false);

  const selectHere = useCallback((selection: Selection) => {
    selectingHere.current = true;
    try {
      store.getState().select(selection);
    } finally {
      selectingHere.current = false;
    }
  }, [store]);

  const onNodesChange = useCallback((changes: NodeChange<PipelineFlowNode>[]) => {
    const state = store.getState();
    const moved = new Map<string, { x: number; y: number }>();
    let stillDragging = false;
    let selected: Set<string> | null = null;
    const measured: [string, Size][] = [];
    for (const c of changes) {
      if (c.type === 'position' && c.position !== undefined) {
        moved.set(c.id, c.position);
        stillDragging ||= c.dragging === true;
      } else if (c.type === 'select') {
        selected ??= new Set(state.selection.nodes);
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      } else if (c.type === 'dimensions' && c.dimensions !== undefined) {
        measured.push([c.id, c.dimensions]);
      }
    }
    if (moved.size > 0) {
      const changed = state.doc.nodes.some((n) => moved.has(n.id) && (moved.get(n.id)!.x !== n.position.x || moved.get(n.id)!.y !== n.position.y));
      // A drag moves nodes on every frame and becomes one undo step on drop.
      if (stillDragging) state.moveNodes(moved, false);
      else if (dragging.current || changed) state.moveNodes(moved, true);
      dragging.current = stillDragging;
    }
    if (selected !== null) selectHere({ nodes: [...selected], edges: store.getState().selection.edges });
    if (measured.length > 0) {
      setSizes((old) => {
        const fresh = measured.filter(([id, s]) => old.get(id)?.width !== s.width || old.get(id)?.height !== s.height);
        return fresh.length === 0 ? old : new Map([...old, ...fresh]);
      });
    }
  }, [store, selectHere]);

  const onEdgesChange = useCallback((changes: EdgeChange<PipelineFlowEdge>[]) => {
    let selected: Set<string> | null = null;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      selected ??= new Set(store.getState().selection.edges);
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    }
    if (selected !== null) selectHere({ nodes: store.getState().selection.nodes, edges: [...selected] });
  }, [store, selectHere]);

  return { sizes, onNodesChange, onEdgesChange, selectingHere };
}
