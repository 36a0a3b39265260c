import type { EditorNode } from '../store/types';
import { GRID, NODE_SIZE } from './flowTypes';

/** A node's rectangle on the canvas, in flow coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Space kept clear between a new node and the others. */
const MARGIN = GRID;
/** How far to the right of its neighbour a node goes: room for an edge between them. */
const GAP = 4 * GRID;
/** How far from where it wanted to be a node may land before the search gives up. */
const RINGS = 40;

const snap = (v: number): number => Math.round(v / GRID) * GRID;

/** A node's box: its measured size, or the size a new node has before it is measured. */
export function boxOf(node: EditorNode, measured: { width?: number; height?: number } | undefined): Box {
  return { x: node.position.x, y: node.position.y, width: measured?.width ?? NODE_SIZE.width, height: measured?.height ?? NODE_SIZE.height };
}

function clear(boxes: readonly Box[], at: { x: number; y: number }, size: Size): boolean {
  return boxes.every((b) =>
    at.x + size.width + MARGIN <= b.x || b.x + b.width + MARGIN <= at.x || at.y + size.height + MARGIN <= b.y || b.y + b.height + MARGIN <= at.y);
}

/**
 * Where a node of `size` goes to the right of `anchor` (the selected node),
 * on the grid and overlapping no box: level with it when that is free, else
 * in the nearest free row below or above, else a column further right.
 */
export function placeBeside(boxes: readonly Box[], anchor: Box, size: Size): { x: number; y: number } {
  const x0 = snap(anchor.x + anchor.width + GAP);
  const y0 = snap(anchor.y);
  const rowStep = snap(size.height + MARGIN + GRID / 2);
  for (let column = 0; column < RINGS; column++) {
    const x = x0 + column * snap(size.width + GAP);
    for (const row of [0, 1, -1, 2, -2, 3, -3]) {
      const at = { x, y: y0 + row * rowStep };
      if (clear(boxes, at, size)) return at;
    }
  }
  return { x: x0, y: y0 };
}

const inside = (area: Box | undefined, at: { x: number; y: number }, size: Size): boolean =>
  area === undefined || (at.x >= area.x && at.y >= area.y && at.x + size.width <= area.x + area.width && at.y + size.height <= area.y + area.height);

/**
 * The spot on the grid nearest to `centre` where a node of `size`, centred
 * there, overlaps no box: searched ring by ring outwards, two grid steps at
 * a time, first within `view` (the part of the canvas on screen), then
 * anywhere.
 */
export function placeNear(boxes: readonly Box[], centre: { x: number; y: number }, size: Size, view?: Box): { x: number; y: number } {
  const start = { x: snap(centre.x - size.width / 2), y: snap(centre.y - size.height / 2) };
  const step = 2 * GRID;
  for (const area of view === undefined ? [undefined] : [view, undefined]) {
    if (inside(area, start, size) && clear(boxes, start, size)) return start;
    for (let ring = 1; ring <= RINGS; ring++) {
      const spots: { x: number; y: number; d: number }[] = [];
      // The ring's four sides; its corners come twice, which costs a repeated check and nothing else.
      for (let i = -ring; i <= ring; i++) {
        for (const [dx, dy] of [[i, -ring], [i, ring], [-ring, i], [ring, i]] as const) {
          spots.push({ x: start.x + dx * step, y: start.y + dy * step, d: dx * dx + dy * dy });
        }
      }
      spots.sort((a, b) => a.d - b.d);
      const free = spots.find((p) => inside(area, p, size) && clear(boxes, p, size));
      if (free !== undefined) return { x: free.x, y: free.y };
    }
  }
  return start;
}
