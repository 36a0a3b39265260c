import { describe, expect, it } from 'vitest';
import type { Schema } from '../batch';
import { compiled, evaluate, makeBlock } from './testing';

const schema: Schema = [
  { name: 'x', type: 'number' },
  { name: 'y', type: 'number' },
  { name: 't', type: 'time' },
  { name: 'flag', type: 'boolean' },
  { name: 's', type: 'string' },
];

/** Evaluates over one column `x` (and `y`, `flag` when given). */
function overX(source: string, x: readonly (number | null)[], y: readonly (number | null)[] = []): unknown[] {
  return evaluate(source, schema, { x, y });
}

describe('arithmetic', () => {
  it('adds, subtracts, multiplies, divides and takes remainders per row', () => {
    const x = [7, -7, 2.5];
    const y = [2, 2, 0.5];
    expect(overX('x + y', x, y)).toEqual([9, -5, 3]);
    expect(overX('x - y', x, y)).toEqual([5, -9, 2]);
    expect(overX('x * y', x, y)).toEqual([14, -14, 1.25]);
    expect(overX('x / y', x, y)).toEqual([3.5, -3.5, 5]);
    expect(overX('x % y', x, y)).toEqual([1, -1, 0]);
    expect(overX('-x', x)).toEqual([-7, 7, -2.5]);
  });

  it('works with the constant on either side', () => {
    expect(overX('10 - x', [1, 2])).toEqual([9, 8]);
    expect(overX('x - 10', [1, 2])).toEqual([-9, -8]);
    expect(overX('12 / x', [3, 4])).toEqual([4, 3]);
    expect(overX('2 * x + 1', [3, 4])).toEqual([7, 9]);
  });

  it('gives missing for any arithmetic with a missing value', () => {
    expect(overX('x + y', [1, null, null], [null, 1, null])).toEqual([null, null, null]);
    expect(overX('-x * 2', [null])).toEqual([null]);
  });

  it('follows JS for division by zero: infinities, and missing for 0 / 0', () => {
    expect(overX('x / 0', [1, -1, 0])).toEqual([Infinity, -Infinity, null]);
  });
});

describe('comparisons', () => {
  const x = [1, 2, 3, null];
  it.each([
    ['x == 2', [false, true, false, false]],
    ['x != 2', [true, false, true, false]],
    ['x < 2', [true, false, false, false]],
    ['x <= 2', [true, true, false, false]],
    ['x > 2', [false, false, true, false]],
    ['x >= 2', [false, true, true, false]],
    ['2 < x', [false, false, true, false]],
    ['2 != x', [true, false, true, false]],
    ['x == y', [true, false, false, false]],
    ['x != y', [false, true, true, false]],
  ])('%s is false wherever a value is missing', (source, expected) => {
    expect(overX(source, x, [1, 1, 1, 1])).toEqual(expected);
  });

  it('compares times with numbers', () => {
    expect(evaluate('t > 1000', schema, { t: [999, 1001, null] })).toEqual([false, true, false]);
  });

  it('compares booleans for equality', () => {
    expect(evaluate('flag == (x > 1)', schema, { flag: [true, true, false], x: [2, 0, 0] })).toEqual([true, false, true]);
    expect(evaluate('flag != true', schema, { flag: [true, false] })).toEqual([false, true]);
  });
});

describe('boolean logic', () => {
  it('combines with &&, ||, !, and the words and, or, not', () => {
    const data = { flag: [true, true, false, false], x: [1, 0, 1, 0] };
    expect(evaluate('flag && x > 0', schema, data)).toEqual([true, false, false, false]);
    expect(evaluate('flag and x > 0', schema, data)).toEqual([true, false, false, false]);
    expect(evaluate('flag || x > 0', schema, data)).toEqual([true, true, true, false]);
    expect(evaluate('flag or x > 0', schema, data)).toEqual([true, true, true, false]);
    expect(evaluate('!flag', schema, data)).toEqual([false, false, true, true]);
    expect(evaluate('not flag', schema, data)).toEqual([false, false, true, true]);
  });

  it('fuses comparisons with constants without changing results, missing values included', () => {
    const x = [0, 5, 10, null, -0, 31, 30];
    const y = [100, 79, 80, 1, null, 50, 50];
    expect(overX('x > 0 && y < 80', x, y)).toEqual([false, true, false, false, false, true, true]);
    expect(overX('x >= 10 || y <= 79', x, y)).toEqual([false, true, true, true, false, true, true]);
    expect(overX('x > 30 && y < 80 && x != 31', x, y)).toEqual([false, false, false, false, false, false, false]);
    // !(missing > 1) is true: the comparison is false, and not of false is true.
    expect(overX('x == 5 || !(y > 1)', x, y)).toEqual([false, true, false, true, true, false, false]);
    expect(overX('x == 5 && y <= 79', x, y)).toEqual([false, true, false, false, false, false, false]);
    expect(overX('x == 10 || y == 79', x, y)).toEqual([false, true, true, false, false, false, false]);
    expect(overX('x != 31 && y < 80', x, y)).toEqual([false, true, false, false, false, false, true]);
    expect(overX('x != 31 || y >= 100', x, y)).toEqual([true, true, true, false, true, false, true]);
    expect(overX('x != 0 && y == 50', x, y)).toEqual([false, false, false, false, false, true, true]);
    expect(overX('0 < x and 1e400 > y', x, y)).toEqual([false, true, true, false, false, true, true]);
    expect(overX('x > -0 || x < -1e400', x, y)).toEqual([false, true, true, false, false, true, true]);
  });
});

describe('functions', () => {
  it.each([
    ['abs(x)', [-2.5, 3, null], [2.5, 3, null]],
    ['floor(x)', [-2.5, 3.7, null], [-3, 3, null]],
    ['ceil(x)', [-2.5, 3.2, null], [-2, 4, null]],
    ['round(x)', [-2.5, 2.5, 2.4, null], [-2, 3, 2, null]],
    ['round(x, 2)', [3.14159, -1.005, null], [3.14, -1, null]],
    ['round(x, -2)', [1234, 1250, null], [1200, 1300, null]],
    ['sqrt(x)', [9, 2.25, -1, null], [3, 1.5, null, null]],
    ['log(x)', [1, Math.E, 0, null], [0, 1, -Infinity, null]],
    ['min(x, 3)', [1, 5, null], [1, 3, null]],
    ['max(x, 3, 4)', [1, 5, null], [4, 5, null]],
    ['coalesce(x, 0)', [1, null], [1, 0]],
  ])('%s', (source, x, expected) => {
    expect(overX(source, x)).toEqual(expected);
  });

  it('rounds to digits given by a column', () => {
    expect(overX('round(x, y)', [3.14159, 3.14159, 3.14159], [0, 2, null])).toEqual([3, 3.14, null]);
  });

  it('takes the UTC hour and minute of an epoch-ms time, before 1970 too', () => {
    const t = [Date.UTC(2024, 0, 1, 13, 45, 59), Date.UTC(1969, 11, 31, 23, 59), 0, null];
    expect(evaluate('hour(t)', schema, { t })).toEqual([13, 23, 0, null]);
    expect(evaluate('minute(t)', schema, { t })).toEqual([45, 59, 0, null]);
    expect(evaluate('hour(x)', schema, { x: [3_600_000 * 5] })).toEqual([5]);
  });

  it('coalesce picks the first value that is not missing, row by row', () => {
    expect(overX('coalesce(x, y, -1)', [1, null, null], [2, 2, null])).toEqual([1, 2, -1]);
    expect(overX('coalesce(null, x)', [1, null])).toEqual([1, null]);
    expect(evaluate('coalesce(null, flag)', schema, { flag: [true, false] })).toEqual([true, false]);
  });
});

describe('the conditional', () => {
  it('picks a branch per row; a missing test reads as false', () => {
    expect(overX('x > 1 ? x : y', [2, 0, null], [10, 20, 30])).toEqual([2, 20, 30]);
    expect(overX('x > 1 ? 1 : null', [2, 0])).toEqual([1, null]);
    expect(evaluate('flag ? x > 0 : false', schema, { flag: [true, true, false], x: [1, -1, 1] })).toEqual([true, false, false]);
    expect(evaluate('flag ? t : t + 1', schema, { flag: [true, false], t: [5, 5] })).toEqual([5, 6]);
  });
});

describe('constants', () => {
  it('folds literal subtrees and repeats the value for every row', () => {
    expect(evaluate('1 + 2 * 3', schema, { x: [0, 0] })).toEqual([7, 7]);
    expect(evaluate('round(10 / 3, 1) > 3 ? "yes" : "no"', schema, { x: [0] })).toEqual(['yes']);
    expect(evaluate('sqrt(-1) + x', schema, { x: [1] })).toEqual([null]);
    expect(evaluate('x > sqrt(-1) || x != sqrt(-1)', schema, { x: [1] })).toEqual([false]);
    expect(evaluate('upper("a" + "b")', schema, { x: [0] })).toEqual(['AB']);
  });
});

describe('evaluate', () => {
  it('returns arrays the caller owns: a new column for every call', () => {
    const expr = compiled('x * 2', schema);
    const block = makeBlock(schema, { x: [1, 2] });
    const first = expr.evaluate(block);
    const second = expr.evaluate(block);
    expect(first).not.toBe(second);
    if (first.type !== 'number' || second.type !== 'number') throw new Error('expected numbers');
    expect(first.values).not.toBe(second.values);
    expect(first.values.buffer).not.toBe(second.values.buffer);
    const input = block.columns['x'];
    if (input?.type !== 'number') throw new Error('expected numbers');
    const copy = compiled('x', schema).evaluate(block);
    expect(copy.type === 'number' && copy.values).not.toBe(input.values);
    expect([...first.values]).toEqual([2, 4]);
  });

  it('reads a field the block lacks as missing', () => {
    const block = makeBlock(schema, { y: [1, 2] });
    const column = compiled('coalesce(x, -1)', schema).evaluate(block);
    expect(column.type === 'number' && [...column.values]).toEqual([-1, -1]);
  });

  it('throws, as a programming error, on a column whose type differs from the schema', () => {
    const block = makeBlock([{ name: 'x', type: 'string' }], { x: ['a'] });
    expect(() => compiled('x + 1', schema).evaluate(block)).toThrow(/column 'x' is string/);
  });

  it('handles blocks of changing length, empty ones included', () => {
    const expr = compiled('x > 1 && y < 3', schema);
    for (const n of [3, 0, 5, 1]) {
      const x = Array.from({ length: n }, (_, i) => i);
      const column = expr.evaluate(makeBlock(schema, { x, y: x }));
      expect(column.type === 'boolean' && [...column.values]).toEqual(x.map((v) => (v > 1 && v < 3 ? 1 : 0)));
    }
  });
});
