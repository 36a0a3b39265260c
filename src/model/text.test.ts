import { describe, expect, it } from 'vitest';
import { closestMatch, describeValue, listOf, quote } from './text';

describe('quote', () => {
  it('escapes control characters, so a message stays on one line', () => {
    expect(quote('a\nb\tc\u007f')).toBe("'a\\nb\\tc\\u007f'");
  });

  it('shortens long text', () => {
    expect(quote('x'.repeat(100))).toBe(`'${'x'.repeat(57)}...'`);
  });
});

describe('describeValue', () => {
  it('names values without printing their insides', () => {
    expect([describeValue('s'), describeValue(1.5), describeValue(null), describeValue([]), describeValue([1])]).toEqual([
      "'s'",
      '1.5',
      'null',
      'an empty array',
      'an array',
    ]);
    expect([describeValue({}), describeValue(undefined), describeValue(true), describeValue(() => 1)]).toEqual([
      'an object',
      'nothing',
      'true',
      'a function',
    ]);
  });
});

describe('listOf', () => {
  it('joins with commas and a final and', () => {
    expect(listOf(['a'])).toBe("'a'");
    expect(listOf(['a', 'b', 'c'], false)).toBe('a, b and c');
  });
});

describe('closestMatch', () => {
  it('finds a near typo and ignores unrelated words', () => {
    expect(closestMatch('sizee', ['size', 'offset'])).toBe('size');
    expect(closestMatch('SIZE', ['size'])).toBe('size');
    expect(closestMatch('q', ['id'])).toBeUndefined();
    expect(closestMatch('window.sliding', ['window.session', 'window.tumbling'])).toBeUndefined();
  });
});
