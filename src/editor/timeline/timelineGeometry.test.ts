import { describe, expect, it } from 'vitest';
import { barsOf } from './timelineBars';
import { arrivalLayout, arrivalPoints, eventTimeLayout, eventTimePoints, GEOMETRY, markRow, scaleFrom, scaleTo, timeTicks, viewSpan } from './timelineGeometry';
import { hitTest, nearestMark } from './timelineHit';
import { frameOf } from './testing/frameOf';

describe('the timeline geometry', () => {
  const frame = frameOf(
    [{ time: 1_000, key: 'a' }, { time: 2_000, key: 'b' }, { time: 3_000, key: 'a', fate: 'late' }],
    [
      { key: 'a', start: 0, end: 2_000, lane: 0 },
      { key: 'a', start: 1_000, end: 3_000, lane: 1 },
      { key: 'zz', start: 0, end: 2_000 },
      { key: 'yy', start: 0, end: 2_000, state: 'fired', revisions: 2 },
    ],
    { span: { from: 0, to: 4_000 } },
  );

  it('gives each key a row, keys outside the frame one more, and rows as many lanes as their windows use', () => {
    const layout = eventTimeLayout(frame, 512, false);
    expect(layout.rows.map((r) => [r.key, r.lanes])).toEqual([['a', 2], ['b', 1], [null, 1]]);
    expect(layout.rows[0]!.height).toBe(GEOMETRY.strip + 2 * GEOMETRY.lane);
    expect(layout.rows[1]!.top).toBe(layout.rows[0]!.top + layout.rows[0]!.height + GEOMETRY.gap);
    expect([0, 1, 2].map((i) => markRow(frame, layout, i))).toEqual([0, 1, 0]);
  });

  it('folds every key into one row', () => {
    const layout = eventTimeLayout(frame, 512, true);
    expect(layout.rows.map((r) => r.label)).toEqual(['All keys']);
    expect(eventTimePoints(frame, layout).ys.every((y) => y === layout.rows[0]!.top + GEOMETRY.strip / 2)).toBe(true);
  });

  it('places marks at their event time across the plot', () => {
    const layout = eventTimeLayout(frame, 512, false);
    const { xs } = eventTimePoints(frame, layout);
    expect(xs[0]).toBeCloseTo(GEOMETRY.left + (512 - GEOMETRY.left - GEOMETRY.right) / 4, 3);
    expect(scaleFrom(layout.x, xs[2]!)).toBeCloseTo(3_000, 0);
  });

  it('merges the copies of one window of other keys into one bar, keeping the most advanced state', () => {
    const bars = barsOf(frame, eventTimeLayout(frame, 512, false));
    const other = bars.filter((b) => b.row === 2);
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ windows: 2, state: 'fired', revisions: 2, label: null });
    expect(bars.filter((b) => b.row === 0).map((b) => b.lane)).toEqual([0, 1]);
  });

  it('draws arrival order across and event time upwards', () => {
    const layout = arrivalLayout(frame, 400, 200);
    const { xs, ys } = arrivalPoints(frame, layout);
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(ys[0]).toBeGreaterThan(ys[2]!);
    expect(scaleTo(layout.y, 0)).toBe(layout.y.lo);
  });

  it('draws the whole run (an unbounded span) over where its marks, windows and watermark lie', () => {
    const whole = { ...frame, span: { from: -Infinity, to: Infinity }, watermark: 5_000 };
    expect(viewSpan(whole)).toEqual({ from: -100, to: 5_100 });
    expect(viewSpan(frame)).toBe(frame.span);
    expect(viewSpan(frameOf([], [], { span: { from: -Infinity, to: Infinity } }))).toEqual({ from: 0, to: 1 });
  });

  it('puts ticks on round times at least the asked distance apart', () => {
    const { step, ticks } = timeTicks({ from: 1_700_000_037_000, to: 1_700_000_337_000, lo: 0, hi: 900 }, 90);
    expect(step).toBe(30_000);
    expect(ticks.every((t) => t % 30_000 === 0)).toBe(true);
    expect(timeTicks({ from: 5, to: 5, lo: 0, hi: 100 }, 90).ticks).toEqual([]);
    expect(timeTicks({ from: 0, to: Infinity, lo: 0, hi: 100 }, 90).ticks).toEqual([]);
  });
});

describe('the timeline hit test', () => {
  it('finds the nearest mark within its radius, the later of two on one spot', () => {
    const xs = Float32Array.of(10, 20, 20);
    const ys = Float32Array.of(10, 10, 10);
    expect(nearestMark(xs, ys, 11, 11)).toBe(0);
    expect(nearestMark(xs, ys, 20, 12)).toBe(2);
    expect(nearestMark(xs, ys, 40, 40)).toBeNull();
  });

  it('finds the mark drawn on top: a late cross over a nearer on-time circle', () => {
    const xs = Float32Array.of(10, 13);
    const ys = Float32Array.of(10, 10);
    const fates = Uint8Array.of(2, 0);
    expect(nearestMark(xs, ys, 12, 10)).toBe(1);
    expect(nearestMark(xs, ys, 12, 10, 6, fates)).toBe(0);
  });

  it('prefers a mark over the bar under it, and finds a bar where no mark is', () => {
    const points = { xs: Float32Array.of(50), ys: Float32Array.of(20) };
    const rects = [{ x: 0, y: 10, w: 100, h: 20 }, null];
    expect(hitTest(points, rects, 51, 21)).toEqual({ kind: 'mark', index: 0 });
    expect(hitTest(points, rects, 90, 25)).toEqual({ kind: 'bar', index: 0 });
    expect(hitTest(points, rects, 90, 45)).toBeNull();
  });
});
