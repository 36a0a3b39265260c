import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStore } from '../store/context';
import type { EditorDocument } from '../store/types';
import { GRID, NODE_SIZE } from './flowTypes';

const snap = (v: number): number => Math.round(v / GRID) * GRID;

/** The first spot from `at` down and to the right that no node's corner already occupies. */
export function freeSpot(doc: EditorDocument, at: { x: number; y: number }): { x: number; y: number } {
  let spot = { x: snap(at.x), y: snap(at.y) };
  const taken = (p: { x: number; y: number }): boolean => doc.nodes.some((n) => Math.abs(n.position.x - p.x) < GRID && Math.abs(n.position.y - p.y) < GRID);
  for (let i = 0; i < 50 && taken(spot); i++) spot = { x: spot.x + 2 * GRID, y: spot.y + 2 * GRID };
  return spot;
}

/**
 * Adding nodes from the palette: at a point of the screen (a drop), or in
 * the middle of the visible canvas (a double-click or the keyboard). The
 * node is centred on the point and snapped to the grid; its id comes from
 * the store. Needs a ReactFlowProvider above it.
 */
type Params = Readonly<Record<string, unknown>>;

export function useAddNode(): { atScreen(kind: string, clientX: number, clientY: number, params?: Params): string; atCentre(kind: string, params?: Params): string } {
  const store = useEditorStore();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const atScreen = useCallback((kind: string, clientX: number, clientY: number, params?: Params): string => {
    const p = flow.screenToFlowPosition({ x: clientX, y: clientY });
    const at = freeSpot(store.getState().doc, { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 });
    return store.getState().addNode(kind, at, params);
  }, [flow, store]);
  const atCentre = useCallback((kind: string, params?: Params): string => {
    const bounds = flowStore.getState().domNode?.getBoundingClientRect();
    if (bounds === undefined) return store.getState().addNode(kind, freeSpot(store.getState().doc, { x: 0, y: 0 }), params);
    return atScreen(kind, bounds.left + bounds.width / 2, bounds.top + bounds.height / 2, params);
  }, [atScreen, flowStore, store]);
  return { atScreen, atCentre };
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
