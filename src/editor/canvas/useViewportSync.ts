import { useReactFlow, type Viewport } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { useEditorStore } from '../store/context';
import { useVisibleArea } from './placement';

/** Whether two viewports are the same to the eye (less than half a pixel apart). */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;
}

/**
 * Keeps React Flow's view in step with the store: a viewport the store is
 * given (opening a saved pipeline) is shown, and a node selected from
 * outside the canvas (the problems panel) is brought into view when none
 * of it is on screen. Selections made on the canvas (`selectingHere`) never pan.
 */
export function useViewportSync(selectingHere: RefObject<boolean>): void {
  const store = useEditorStore();
  const flow = useReactFlow();
  const visibleArea = useVisibleArea();
  // A viewport the store is given (opening a saved pipeline) is followed.
  useEffect(() => store.subscribe((s, prev) => {
    if (s.viewport !== prev.viewport && !sameViewport(s.viewport, flow.getViewport())) void flow.setViewport(s.viewport);
  }), [store, flow]);

  // A node selected elsewhere (the problems panel) comes into view when none of it is on screen.
  useEffect(() => store.subscribe((s, prev) => {
    if (selectingHere.current || s.selection === prev.selection || s.selection.nodes.length !== 1) return;
    const node = flow.getInternalNode(s.selection.nodes[0]!);
    const area = visibleArea();
    if (node === undefined || area === undefined) return;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    const partlyInView = x < area.x + area.width && x + width > area.x && y < area.y + area.height && y + height > area.y;
    // At once rather than animated: the next click should land where the user sees things.
    if (!partlyInView) void flow.setCenter(x + width / 2, y + height / 2, { zoom: flow.getZoom() });
  }), [store, flow, visibleArea, selectingHere]);
}
