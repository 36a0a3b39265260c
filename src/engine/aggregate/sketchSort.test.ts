import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSketch, sketchAdd } from './quantileSketch';
import { sketchCode } from './sketchKey';
import { BUFFER_SIZE } from './sketchMapping';
import { sortCodes } from './sketchSort';

/** Values whose codes are dense in their span (placed), sparse (walked), or spread beyond the tally (sorted natively). */
const dense = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: BUFFER_SIZE - 1 });
const sparse = fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 });
const wide = fc.array(fc.oneof(fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.constant(0), fc.constant(1e-300)), { minLength: 1, maxLength: BUFFER_SIZE - 1 });

describe('sorting a sketch\'s buffered codes', () => {
  it('leaves the codes of the values ascending, however they spread', () => {
    fc.assert(fc.property(fc.oneof(dense, sparse, wide), (xs) => {
      const s = createSketch();
      for (const x of xs) sketchAdd(s, x);
      sortCodes(s);
      const expected = xs.map(sketchCode).sort((a, b) => a - b);
      expect([...s.buffer.subarray(0, s.buffered)]).toEqual(expected);
    }), { numRuns: 300 });
  });

  it('leaves no counts behind for the next sort', () => {
    const s = createSketch();
    for (const x of [3, 3, 5, 9]) sketchAdd(s, x);
    sortCodes(s);
    const t = createSketch();
    for (const x of [4, 3]) sketchAdd(t, x);
    sortCodes(t);
    expect([...t.buffer.subarray(0, 2)]).toEqual([sketchCode(3), sketchCode(4)]);
  });
});
