import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './jsonSyntax';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it.each([
    ['[1,2,]', 5],
    ['{"a" 1}', 5],
    ['{"a": 1,}', 8],
    ['"\\q"', 2],
    ['"a\nb"', 2],
    ['01', 1],
    ['nul', 0],
    ['', 0],
    ['{"a": [1, 2}', 11],
  ])('finds the error in %j at %d', (text, offset) => {
    expect(findJsonSyntaxError(text)).toBe(offset);
  });

  it('finds nothing wrong in any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findJsonSyntaxError(text)).toBeNull();
      }),
    );
  });

  it('agrees with JSON.parse on mangled JSON text', () => {
    const mangled = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', ':', '\\', '0', ' ', 'x'), fc.nat({ max: 2 }))
      .map(([text, at, insert, remove]) => {
        const index = at % (text.length + 1);
        return text.slice(0, index) + insert + text.slice(index + remove);
      });
    fc.assert(
      fc.property(mangled, (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
    );
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toBe(200_000);
  });
});
