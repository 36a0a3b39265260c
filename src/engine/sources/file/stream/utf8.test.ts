/** decodeUtf8 reads any bytes as TextDecoder does, its short ASCII path included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './utf8';

const decoder = new TextDecoder();

describe('decodeUtf8', () => {
  it('equals TextDecoder for any bytes at any bounds, short cells and long', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.uint8Array({ max: 0x7f, maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
    );
    fc.assert(
      fc.property(bytes, fc.nat(), fc.nat(), fc.array(fc.nat(30), { maxLength: 4 }), (buf, a, b, others) => {
        // Other cells decoded between hold the reused codes to their own length.
        for (const n of others) decodeUtf8(new Uint8Array(n).fill(65), 0, n);
        const start = a % (buf.length + 1);
        const end = start + (b % (buf.length - start + 1));
        expect(decodeUtf8(buf, start, end)).toBe(decoder.decode(buf.subarray(start, end)));
      }),
      { numRuns: 2000 },
    );
  });
});
