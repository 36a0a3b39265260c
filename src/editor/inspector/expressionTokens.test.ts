import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './expressionTokens';

const kinds = (source: string, fields: readonly string[] | null = null) =>
  tokenize(source, fields).filter((t) => t.kind !== 'space').map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('colours fields, functions, literals, numbers, strings and operators', () => {
    expect(kinds("round(temperature * 1.8) + 32 >= 100 and contains(device, 'a') || true")).toEqual([
      'function:round', 'punctuation:(', 'field:temperature', 'operator:*', 'number:1.8', 'punctuation:)', 'operator:+', 'number:32',
      'operator:>=', 'number:100', 'operator:and', 'function:contains', 'punctuation:(', 'field:device', 'punctuation:,', "string:'a'",
      'punctuation:)', 'operator:||', 'literal:true',
    ]);
  });

  it('marks names that do not reach the node, and functions that do not exist', () => {
    expect(kinds('temprature > 1 && foo(x)', ['temperature', 'x'])).toEqual([
      'unknownField:temprature', 'operator:>', 'number:1', 'operator:&&', 'unknownFunction:foo', 'punctuation:(', 'field:x', 'punctuation:)',
    ]);
  });

  it('reads a dotted name as one field and an unclosed string to the end', () => {
    expect(kinds("payload.amount == 'open")).toEqual(['field:payload.amount', 'operator:==', "string:'open"]);
  });

  it('gives back the source, whatever is typed', () => {
    fc.assert(fc.property(fc.string(), (source) => {
      const tokens = tokenize(source, ['a']);
      expect(tokens.map((t) => t.text).join('')).toBe(source);
      tokens.forEach((t, i) => expect(t.start).toBe(tokens.slice(0, i).reduce((n, u) => n + u.text.length, 0)));
    }));
  });
});
