import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createWindowShape, endSliceOf, firstLiveWindow, firstSliceOf, inGap, lastFiredWindow, newestWindowOf, oldestWindowOf,
  windowEnd, windowLastMs, windowStart, type WindowShape,
} from './windowShape';

/** Tumbling, hopping (size below the slide included) and CUMULATE shapes with offsets of either sign. */
const shapeArb: fc.Arbitrary<WindowShape> = fc.oneof(
  fc.record({ size: fc.integer({ min: 1, max: 40 }), slide: fc.integer({ min: 1, max: 40 }), offset: fc.integer({ min: -50, max: 50 }) })
    .map(({ size, slide, offset }) => createWindowShape(size, slide, offset, false)),
  fc.record({ step: fc.integer({ min: 1, max: 20 }), periods: fc.integer({ min: 1, max: 6 }), offset: fc.integer({ min: -50, max: 50 }) })
    .map(({ step, periods, offset }) => createWindowShape(step * periods, step, offset, true)),
);

describe('window shape arithmetic', () => {
  it('agrees with itself: the windows of a slice are exactly those whose slices hold it, and bounds match slices', () => {
    fc.assert(fc.property(shapeArb, fc.integer({ min: -200, max: 200 }), (sh, s) => {
      const holds = (k: number): boolean => firstSliceOf(sh, k) <= s && s < endSliceOf(sh, k);
      if (inGap(sh, s)) {
        for (let k = Math.floor(s / sh.m) - sh.n - 2; k <= Math.floor(s / sh.m) + 2; k++) expect(holds(k)).toBe(false);
        return;
      }
      const oldest = oldestWindowOf(sh, s);
      const newest = newestWindowOf(sh, s);
      expect(oldest).toBeLessThanOrEqual(newest);
      for (let k = oldest - 2; k <= newest + 2; k++) expect(holds(k)).toBe(k >= oldest && k <= newest);
      for (let k = oldest; k <= newest; k++) {
        expect(windowStart(sh, k)).toBe(sh.offset + firstSliceOf(sh, k) * sh.g);
        expect(windowEnd(sh, k)).toBe(sh.offset + endSliceOf(sh, k) * sh.g);
        expect(windowLastMs(sh, k)).toBe(windowEnd(sh, k) - 1);
      }
    }));
  });

  it('fires the windows whose last millisecond the watermark reached, and expires those past lateness', () => {
    fc.assert(fc.property(shapeArb, fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 60 }), (sh, w, lateness) => {
      const k = lastFiredWindow(sh, w);
      expect(windowLastMs(sh, k)).toBeLessThanOrEqual(w);
      expect(windowLastMs(sh, k + 1)).toBeGreaterThan(w);
      const live = firstLiveWindow(sh, w, lateness);
      expect(windowLastMs(sh, live - 1) + lateness).toBeLessThanOrEqual(w);
      expect(windowLastMs(sh, live) + lateness).toBeGreaterThan(w);
    }));
    expect(lastFiredWindow(createWindowShape(10, 2, 0, true), Infinity)).toBe(Infinity);
  });

  it("numbers CUMULATE windows by their end: Flink's step 2, maxSize 10", () => {
    const sh = createWindowShape(10, 2, 0, true);
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => [windowStart(sh, k), windowEnd(sh, k)])).toEqual([[0, 2], [0, 4], [0, 6], [0, 8], [0, 10], [10, 12], [10, 14]]);
    // Slice 2 ([4, 6)) belongs to [0, 6), [0, 8) and [0, 10).
    expect([oldestWindowOf(sh, 2), newestWindowOf(sh, 2)]).toEqual([2, 4]);
    expect([windowStart(sh, -1), windowEnd(sh, -1)]).toEqual([-10, 0]);
  });
});
