import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStore } from '../store/context';
import type { EditorDocument } from '../store/types';
import { GRID, NODE_SIZE } from './flowTypes';
import { boxOf, placeBeside, placeNear } from './freeSpace';

const snap = (v: number): number => Math.round(v / GRID) * GRID;
/** How far inside the canvas's edge, in screen pixels, a node brought into view lands. */
const PAN_MARGIN = 48;
/** How far (screen pixels, along one axis) the view must move so that [low, high] lies within [min, max] less the margin. */
const shift = (low: number, high: number, min: number, max: number): number =>
  high > max - PAN_MARGIN ? high - (max - PAN_MARGIN) : low < min + PAN_MARGIN ? low - (min + PAN_MARGIN) : 0;
/** The view less a margin, so a new node stays clear of the toolbars floating over the canvas's edges. */
const inset = (area: FlowArea | undefined): FlowArea | undefined =>
  area === undefined ? undefined : { x: area.x + 3 * GRID, y: area.y + 3 * GRID, width: area.width - 6 * GRID, height: area.height - 6 * GRID };

/** The first spot from `at` down and to the right that no node's corner already occupies. */
export function freeSpot(doc: EditorDocument, at: { x: number; y: number }): { x: number; y: number } {
  let spot = { x: snap(at.x), y: snap(at.y) };
  const taken = (p: { x: number; y: number }): boolean => doc.nodes.some((n) => Math.abs(n.position.x - p.x) < GRID && Math.abs(n.position.y - p.y) < GRID);
  for (let i = 0; i < 50 && taken(spot); i++) spot = { x: spot.x + 2 * GRID, y: spot.y + 2 * GRID };
  return spot;
}

/**
 * Adding nodes: at a point of the screen (a drop), or where the palette puts
 * them (a double-click or the keyboard): to the right of the selected node,
 * or in free space near the middle of the view, never on top of another node.
 * Its id comes from the store. Needs a ReactFlowProvider above it.
 */
type Params = Readonly<Record<string, unknown>>;

export function useAddNode(): { atScreen(kind: string, clientX: number, clientY: number, params?: Params): string; besideSelection(kind: string, params?: Params): string } {
  const store = useEditorStore();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const atScreen = useCallback((kind: string, clientX: number, clientY: number, params?: Params): string => {
    const p = flow.screenToFlowPosition({ x: clientX, y: clientY });
    const at = freeSpot(store.getState().doc, { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 });
    return store.getState().addNode(kind, at, params);
  }, [flow, store]);
  const visibleArea = useVisibleArea();
  const besideSelection = useCallback((kind: string, params?: Params): string => {
    const { doc, selection } = store.getState();
    const { nodeLookup, domNode } = flowStore.getState();
    const boxes = doc.nodes.map((n) => boxOf(n, nodeLookup.get(n.id)?.measured));
    const anchor = selection.nodes.length === 1 ? boxes[doc.nodes.findIndex((n) => n.id === selection.nodes[0])] : undefined;
    const view = domNode?.getBoundingClientRect();
    const centre = view === undefined ? { x: 0, y: 0 } : flow.screenToFlowPosition({ x: view.left + view.width / 2, y: view.top + view.height / 2 });
    const at = anchor === undefined ? placeNear(boxes, centre, NODE_SIZE, inset(visibleArea())) : placeBeside(boxes, anchor, NODE_SIZE);
    const id = store.getState().addNode(kind, at, params);
    // Beside a node near the edge of the view, the new one may land out of sight: pan just enough to show it.
    if (view !== undefined) {
      const a = flow.flowToScreenPosition(at);
      const b = flow.flowToScreenPosition({ x: at.x + NODE_SIZE.width, y: at.y + NODE_SIZE.height });
      const dx = shift(a.x, b.x, view.left, view.right);
      const dy = shift(a.y, b.y, view.top, view.bottom);
      if (dx !== 0 || dy !== 0) {
        const v = flow.getViewport();
        // At once rather than animated, as a node selected elsewhere is brought into view: no animation left running for the next add to race.
        void flow.setViewport({ x: v.x - dx, y: v.y - dy, zoom: v.zoom });
        store.getState().setViewport({ x: v.x - dx, y: v.y - dy, zoom: v.zoom });
      }
    }
    return id;
  }, [flow, flowStore, store, visibleArea]);
  return { atScreen, besideSelection };
}

/** A rectangle of the canvas in flow coordinates. */
export interface FlowArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Reads the part of the canvas on screen, in flow coordinates (undefined before the canvas is laid out). */
export function useVisibleArea(): () => FlowArea | undefined {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  return useCallback(() => {
    const box = flowStore.getState().domNode?.getBoundingClientRect();
    if (box === undefined || box.width === 0) return undefined;
    const a = flow.screenToFlowPosition({ x: box.left, y: box.top });
    const b = flow.screenToFlowPosition({ x: box.right, y: box.bottom });
    return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
  }, [flow, flowStore]);
}

/** The params a palette entry put on a drag (PARAMS_MIME), or undefined for none or anything that is not a JSON object. */
export function droppedParams(text: string): Record<string, unknown> | undefined {
  if (text === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
