import type { Viewport } from '@xyflow/react';

/** A rectangle: nodes' bounds in flow coordinates, or a canvas in screen pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Screen pixels at each edge of the canvas that something floats over (the toolbar, a notice). */
export interface Insets {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** A node title's font size (canvas.css `.wp-node-title`) and the smallest it may be drawn when a pipeline opens. */
const TITLE_FONT_PX = 13;
const READABLE_TITLE_PX = 10;
/** The least zoom that keeps node titles readable: 10 px of 13. */
export const READABLE_ZOOM = READABLE_TITLE_PX / TITLE_FONT_PX;

/** The smallest box holding every box (undefined for none). */
export function boundsOf(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The viewport that shows `bounds` in a canvas of `width` × `height` screen
 * pixels, clear of `insets`, at a zoom between `minZoom` and `maxZoom`.
 * What fits is centred in the free area; what does not fit even at `minZoom`
 * shows from its top-left corner, where a left-to-right pipeline's sources
 * are, rather than being shrunk until nothing on it can be read.
 */
export function framingViewport(bounds: Box, canvas: { readonly width: number; readonly height: number }, insets: Insets, zoomRange: { readonly minZoom: number; readonly maxZoom: number }): Viewport {
  const freeWidth = Math.max(1, canvas.width - insets.left - insets.right);
  const freeHeight = Math.max(1, canvas.height - insets.top - insets.bottom);
  const fit = Math.min(freeWidth / Math.max(1, bounds.width), freeHeight / Math.max(1, bounds.height));
  const zoom = Math.min(zoomRange.maxZoom, Math.max(zoomRange.minZoom, fit));
  const along = (start: number, size: number, inset: number, free: number): number =>
    size * zoom <= free ? inset + (free - size * zoom) / 2 - start * zoom : inset - start * zoom;
  return {
    x: along(bounds.x, bounds.width, insets.left, freeWidth),
    y: along(bounds.y, bounds.height, insets.top, freeHeight),
    zoom,
  };
}
