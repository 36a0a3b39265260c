import { describe, expect, it } from 'vitest';
import { boundsOf, framingViewport, READABLE_ZOOM } from './framing';

const canvas = { width: 900, height: 600 };
const insets = { top: 60, right: 20, bottom: 20, left: 20 };
const range = { minZoom: READABLE_ZOOM, maxZoom: 1.25 };

/** Where a flow point lands on screen under a viewport. */
const onScreen = (v: { x: number; y: number; zoom: number }, x: number, y: number) => ({ x: x * v.zoom + v.x, y: y * v.zoom + v.y });

describe('framingViewport', () => {
  it('centres what fits in the area the insets leave, never closer than maxZoom', () => {
    const v = framingViewport({ x: 0, y: 0, width: 400, height: 100 }, canvas, insets, range);
    expect(v.zoom).toBe(1.25);
    const a = onScreen(v, 0, 0);
    const b = onScreen(v, 400, 100);
    expect(a.x - insets.left).toBeCloseTo(canvas.width - insets.right - b.x);
    expect(a.y - insets.top).toBeCloseTo(canvas.height - insets.bottom - b.y);
  });

  it('shrinks a wide pipeline to fit, below the top inset', () => {
    const bounds = { x: 100, y: -50, width: 1000, height: 200 };
    const v = framingViewport(bounds, canvas, insets, range);
    expect(v.zoom).toBeCloseTo(860 / 1000);
    const a = onScreen(v, bounds.x, bounds.y);
    const b = onScreen(v, bounds.x + bounds.width, bounds.y + bounds.height);
    expect(a.x).toBeCloseTo(insets.left);
    expect(b.x).toBeCloseTo(canvas.width - insets.right);
    expect(a.y).toBeGreaterThanOrEqual(insets.top);
    expect(b.y).toBeLessThanOrEqual(canvas.height - insets.bottom);
  });

  it('keeps titles readable: a pipeline too wide at that zoom shows from its top-left corner, its sources', () => {
    const bounds = { x: 0, y: 0, width: 3000, height: 2000 };
    const v = framingViewport(bounds, canvas, insets, range);
    expect(v.zoom).toBeCloseTo(READABLE_ZOOM);
    expect(13 * v.zoom).toBeGreaterThanOrEqual(10 - 1e-9);
    expect(onScreen(v, 0, 0)).toEqual({ x: insets.left, y: insets.top });
  });
});

describe('boundsOf', () => {
  it('is the smallest box around the boxes, undefined for none', () => {
    expect(boundsOf([])).toBeUndefined();
    expect(boundsOf([{ x: 0, y: 10, width: 5, height: 5 }, { x: -3, y: 0, width: 2, height: 2 }])).toEqual({ x: -3, y: 0, width: 8, height: 15 });
  });
});
