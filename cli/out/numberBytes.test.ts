import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_BYTES, writeJsonNumber } from './numberBytes';

/** What writeJsonNumber writes for `value`, as text, checking it stays within MAX_NUMBER_BYTES. */
function written(value: number): string {
  const bytes = new Uint8Array(MAX_NUMBER_BYTES + 8).fill(33);
  const end = writeJsonNumber(bytes, 4, value);
  expect(end - 4).toBeLessThanOrEqual(MAX_NUMBER_BYTES);
  expect(bytes[3]).toBe(33); // nothing before `at`
  expect(bytes[end]).toBe(33); // nothing after the returned end
  return String.fromCharCode(...bytes.subarray(4, end));
}

/** Integers near powers of ten and of two, where digit counts and exactness change. */
const boundaryIntegers = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.boolean())
  .map(([e, d, two, negative]) => (negative ? -1 : 1) * ((two ? 2 ** (e * 2 + 10) : 10 ** e) + d));

describe('writeJsonNumber', () => {
  it('writes any double as JSON.stringify does, from its bits (subnormals, -0, NaN, Infinity included)', () => {
    fc.assert(fc.property(fc.double(), (n) => { expect(written(n)).toBe(JSON.stringify(n)); }), { numRuns: 20000 });
  });

  it('writes short decimals and large integers (its fast paths) as JSON.stringify does', () => {
    const shortDecimal = fc.tuple(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 9 })).map(([n, e]) => n / 10 ** e);
    fc.assert(fc.property(shortDecimal, (n) => { expect(written(n)).toBe(JSON.stringify(n)); }), { numRuns: 20000 });
    fc.assert(fc.property(boundaryIntegers, (n) => { expect(written(n)).toBe(JSON.stringify(n)); }), { numRuns: 5000 });
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => { expect(written(n)).toBe(JSON.stringify(n)); }), { numRuns: 5000 });
  });

  it('writes the edges of its fast paths and of plain notation exactly', () => {
    const edges = [0, -0, 1, -1, 9, 10, 0.1, 0.000001, 0.0000015, 5e-7, 1e-7, 999999999.999999, 999999999.9999999, 1e9, 1e9 + 0.5, 123.45, -0.5,
      2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e20, 1e21 - 65536, 1e21, 1e21 + 131072, -1e21, 5e-324, -5e-324, 2.2250738585072014e-308,
      Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON, NaN, Infinity, -Infinity, 1767225600000, 574.65, 0.1 + 0.2];
    for (const n of edges) expect(written(n)).toBe(JSON.stringify(n));
  });
});
