/**
 * Marks by fate: on time a filled circle, a revision a filled diamond, late a
 * cross. On the page each mark is a stamp of a small pre-drawn image (a
 * sprite): Chromium without a GPU rasterised ten thousand arcs in one path in
 * about 750 ms per frame (measured, npm run bench:timeline), ten thousand
 * stamps in a few. Without sprites (tests) they are paths, one per fate.
 */
import { FATE_CODES, type TimelineFrame } from '../../worker/timelineTypes';
import type { TimelinePalette } from './timelinePalette';

export const MARK_RADIUS = 3.5;

/** One image per fate (FATE_CODES order), drawn at `ratio` device pixels per CSS pixel. */
export interface MarkSprites {
  readonly images: readonly HTMLCanvasElement[];
  readonly ratio: number;
  readonly palette: TimelinePalette;
}

/** Pixels (CSS) from a sprite's corner to its middle. */
const SPRITE_HALF = MARK_RADIUS + 2;

/** Draws the three marks once, each into its own small canvas. */
export function makeSprites(palette: TimelinePalette, ratio: number): MarkSprites {
  const images = FATE_CODES.map((_, code) => {
    const canvas = document.createElement('canvas');
    const side = Math.ceil(SPRITE_HALF * 2 * ratio);
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const frame = { marks: { length: 1, fate: Uint8Array.of(code) } } as unknown as TimelineFrame;
    drawMarks(ctx, frame, Float32Array.of(SPRITE_HALF), Float32Array.of(SPRITE_HALF), palette, { left: 0, right: SPRITE_HALF * 2 }, null);
    return canvas;
  });
  return { images, ratio, palette };
}

export function drawMarks(ctx: CanvasRenderingContext2D, frame: TimelineFrame, xs: Float32Array, ys: Float32Array, palette: TimelinePalette, clip: { readonly left: number; readonly right: number }, sprites: MarkSprites | null): void {
  if (sprites !== null) {
    stampMarks(ctx, frame, xs, ys, clip, sprites);
    return;
  }
  const r = MARK_RADIUS;
  FATE_CODES.forEach((fate, code) => {
    ctx.beginPath();
    for (let i = 0; i < frame.marks.length; i++) {
      if (frame.marks.fate[i] !== code) continue;
      const x = xs[i]!;
      const y = ys[i]!;
      if (x < clip.left - r || x > clip.right + r) continue;
      if (fate === 'onTime') {
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, Math.PI * 2);
      } else if (fate === 'revision') {
        ctx.moveTo(x, y - r - 1);
        ctx.lineTo(x + r + 1, y);
        ctx.lineTo(x, y + r + 1);
        ctx.lineTo(x - r - 1, y);
        ctx.closePath();
      } else {
        ctx.moveTo(x - r, y - r);
        ctx.lineTo(x + r, y + r);
        ctx.moveTo(x + r, y - r);
        ctx.lineTo(x - r, y + r);
      }
    }
    if (fate === 'late') {
      ctx.strokeStyle = palette.late;
      ctx.lineWidth = 2;
      ctx.stroke();
    } else {
      ctx.fillStyle = fate === 'onTime' ? palette.onTime : palette.revision;
      ctx.globalAlpha = fate === 'onTime' ? 0.75 : 1;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
  });
}

function stampMarks(ctx: CanvasRenderingContext2D, frame: TimelineFrame, xs: Float32Array, ys: Float32Array, clip: { readonly left: number; readonly right: number }, sprites: MarkSprites): void {
  const { ratio } = sprites;
  const side = sprites.images[0]!.width / ratio;
  FATE_CODES.forEach((_, code) => {
    const image = sprites.images[code]!;
    for (let i = 0; i < frame.marks.length; i++) {
      if (frame.marks.fate[i] !== code) continue;
      const x = xs[i]!;
      if (x < clip.left - SPRITE_HALF || x > clip.right + SPRITE_HALF) continue;
      // On whole device pixels: a stamp between pixels would be blurred by filtering.
      ctx.drawImage(image, Math.round((x - SPRITE_HALF) * ratio) / ratio, Math.round((ys[i]! - SPRITE_HALF) * ratio) / ratio, side, side);
    }
  });
}

/** A ring around the hovered mark. */
export function drawMarkRing(ctx: CanvasRenderingContext2D, x: number, y: number, palette: TimelinePalette): void {
  ctx.beginPath();
  ctx.arc(x, y, MARK_RADIUS + 3, 0, Math.PI * 2);
  ctx.strokeStyle = palette.ink;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** Two rings around the mark a breakpoint stopped on: wider than the hover ring, in the late hue, so it reads as "here". */
export function drawStopRing(ctx: CanvasRenderingContext2D, x: number, y: number, palette: TimelinePalette): void {
  ctx.beginPath();
  ctx.arc(x, y, MARK_RADIUS + 5, 0, Math.PI * 2);
  ctx.strokeStyle = palette.late;
  ctx.lineWidth = 2.5;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(x, y, MARK_RADIUS + 8, 0, Math.PI * 2);
  ctx.strokeStyle = palette.ink;
  ctx.lineWidth = 1;
  ctx.stroke();
}
