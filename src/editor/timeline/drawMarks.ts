/**
 * Marks by fate: on time a filled circle, a revision a filled diamond, late a
 * cross. On the page each mark is a copy of a small pre-drawn image (a
 * sprite): Chromium without a GPU rasterised ten thousand arcs in one path in
 * about 750 ms per frame (measured, npm run bench:timeline). Ten thousand
 * drawImage stamps were no cure there either: the profile of a run at Max
 * spent 2.7 s of 5 s in drawImage (about 300 ms a frame, each stamp a
 * software-composited image draw). So the sprites' pixels are blended into
 * one reused pixel buffer in plain JavaScript (a few ms for 10,000 marks) and
 * the buffer is drawn once. Without sprites (tests) marks are paths, one per fate.
 */
import { FATE_CODES, type TimelineFrame } from '../../worker/timelineTypes';
import type { TimelinePalette } from './timelinePalette';

export const MARK_RADIUS = 3.5;

/** One image per fate (FATE_CODES order), drawn at `ratio` device pixels per CSS pixel. */
export interface MarkSprites {
  readonly images: readonly HTMLCanvasElement[];
  /** Each image's RGBA pixels (not premultiplied), `side` device pixels square. */
  readonly pixels: readonly Uint8ClampedArray[];
  readonly side: number;
  readonly ratio: number;
  readonly palette: TimelinePalette;
  /** The marks' layer, reused from frame to frame while the canvas keeps its size. */
  readonly layer: { canvas: HTMLCanvasElement | null; image: ImageData | null };
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
  const side = images[0]!.width;
  const pixels = images.map((c) => c.getContext('2d')!.getImageData(0, 0, side, side).data);
  return { images, pixels, side, ratio, palette, layer: { canvas: null, image: null } };
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
  const { ratio, side, pixels, layer } = sprites;
  const width = ctx.canvas.width;
  const height = ctx.canvas.height;
  if (width === 0 || height === 0) return;
  if (layer.image === null || layer.image.width !== width || layer.image.height !== height) {
    layer.image = new ImageData(width, height);
    layer.canvas = document.createElement('canvas');
    layer.canvas.width = width;
    layer.canvas.height = height;
  } else layer.image.data.fill(0);
  const out = layer.image.data;
  // In fate order, so late crosses land on top of revisions, and those on top of on-time circles.
  FATE_CODES.forEach((_, code) => {
    const src = pixels[code]!;
    for (let i = 0; i < frame.marks.length; i++) {
      if (frame.marks.fate[i] !== code) continue;
      const x = xs[i]!;
      if (x < clip.left - SPRITE_HALF || x > clip.right + SPRITE_HALF) continue;
      // On whole device pixels, as a stamp would be.
      blend(out, width, height, src, side, Math.round((x - SPRITE_HALF) * ratio), Math.round((ys[i]! - SPRITE_HALF) * ratio));
    }
  });
  const target = layer.canvas!;
  target.getContext('2d')!.putImageData(layer.image, 0, 0);
  ctx.save();
  // The layer is in device pixels; the context's clip (the arrival view's plot) still applies.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(target, 0, 0);
  ctx.restore();
}

/** Source-over blending of a `side`-square sprite onto `out` at device pixel (x0, y0), clipped to the buffer. */
function blend(out: Uint8ClampedArray, width: number, height: number, src: Uint8ClampedArray, side: number, x0: number, y0: number): void {
  for (let sy = 0; sy < side; sy++) {
    const y = y0 + sy;
    if (y < 0 || y >= height) continue;
    for (let sx = 0; sx < side; sx++) {
      const x = x0 + sx;
      if (x < 0 || x >= width) continue;
      const s = (sy * side + sx) * 4;
      const sa = src[s + 3]!;
      if (sa === 0) continue;
      const d = (y * width + x) * 4;
      const da = out[d + 3]!;
      if (sa === 255 || da === 0) {
        out[d] = src[s]!;
        out[d + 1] = src[s + 1]!;
        out[d + 2] = src[s + 2]!;
        out[d + 3] = sa;
        continue;
      }
      const a = sa / 255;
      const b = (da / 255) * (1 - a);
      const oa = a + b;
      out[d] = (src[s]! * a + out[d]! * b) / oa;
      out[d + 1] = (src[s + 1]! * a + out[d + 1]! * b) / oa;
      out[d + 2] = (src[s + 2]! * a + out[d + 2]! * b) / oa;
      out[d + 3] = oa * 255;
    }
  }
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
