import type { ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom, text on nodes is too small to read (13 px shows as 5),
 * and rasterising it for hundreds of nodes is most of what a frame costs, so
 * nodes are drawn as coloured blocks until the user zooms in again.
 */
const LOW_DETAIL_ZOOM = 0.4;

export const lowDetail = (s: ReactFlowState): boolean => s.transform[2] < LOW_DETAIL_ZOOM;

/** Room under a node for its live badges, in flow pixels. */
const BADGE_ROOM = 64;

/**
 * Whether node `id`'s live badges are worth drawing: readable (not zoomed far
 * out) and on screen. Every badge that changes makes the browser lay out and
 * repaint the layer all nodes share; 300 of them ten times a second held a
 * software-rendered canvas to 3 frames a second.
 */
export function badgesShown(id: string): (s: ReactFlowState) => boolean {
  return (s) => {
    const [tx, ty, zoom] = s.transform;
    if (zoom < LOW_DETAIL_ZOOM) return false;
    const node = s.nodeLookup.get(id);
    if (node === undefined) return false;
    const { x, y } = node.internals.positionAbsolute;
    const left = x * zoom + tx;
    const top = y * zoom + ty;
    const width = (node.measured.width ?? 176) * zoom;
    const height = ((node.measured.height ?? 56) + BADGE_ROOM) * zoom;
    return left + width > 0 && top + height > 0 && left < s.width && top < s.height;
  };
}
