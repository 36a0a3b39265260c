/** The byte-level number reader equals Number(text) (through values.ts's plain-decimal rule) for every text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toNumber } from '../values';
import { parseNumberBytes } from './numberBytes';

const read = (text: string): number => {
  const bytes = new TextEncoder().encode(`#${text}#`);
  return parseNumberBytes(bytes, 1, bytes.length - 1);
};

const digits = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Decimal texts: signs, leading zeros, fractions, exponents, up to 25 digits (past 2^53). */
const decimalText = fc
  .tuple(fc.constantFrom('', '-', '+'), digits(0, 25), fc.option(digits(0, 25)), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), digits(0, 4))))
  .map(([sign, int, frac, exp]) => sign + int + (frac === null ? '' : `.${frac}`) + (exp === null ? '' : exp.join('')));

describe('parseNumberBytes', () => {
  it('equals the text rules for random decimal texts', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        expect(Object.is(read(text), toNumber(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals them for the shortest text of any double, and for any text at all', () => {
    fc.assert(fc.property(fc.double(), (d) => {
      expect(Object.is(read(String(d)), toNumber(String(d)))).toBe(true);
    }), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ maxLength: 8 }), (text) => {
      expect(Object.is(read(text), toNumber(text))).toBe(true);
    }), { numRuns: 5000 });
  });

  it('reads the edge cases as Number does, and refuses what values.ts refuses', () => {
    const cases: [string, number][] = [
      ['-0', -0], ['-0.000', -0], ['007', 7], ['1.', 1], ['.5', 0.5], ['+3', 3], ['1e22', 1e22], ['1e23', 1e23], ['9007199254740993', 9007199254740992],
      ['0.1', 0.1], ['123456789012345678901234567890', 1.2345678901234568e29], ['4.9e-324', 5e-324], ['1e-400', 0], [' 5 ', 5],
      ['', NaN], ['.', NaN], ['-', NaN], ['1e', NaN], ['1e400', NaN], ['0x10', NaN], ['Infinity', NaN], ['1_000', NaN], ['1.2.3', NaN], ['١', NaN],
    ];
    for (const [text, expected] of cases) expect(read(text), text).toBe(expected);
  });
});
