/**
 * Deep input against the expression language: nesting and chains at and
 * beyond the limits give a problem with a column (never a stack overflow),
 * and everything within them parses as an unlimited parse would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schema } from '../batch';
import { MAX_CHAIN, MAX_NESTING } from './depth';
import { catchSourceError } from './errors';
import { compileExpression } from './expression';
import { parseOrThrow } from './parser';
import { errorOf, evaluate } from './testing';

const schema: Schema = [
  { name: 'a', type: 'number' },
  { name: 'b', type: 'boolean' },
  { name: 's', type: 'string' },
];
const UNLIMITED = { nesting: Infinity, chain: Infinity };
const NESTING = `nesting deeper than ${MAX_NESTING} levels`;
const CHAIN = `more than ${MAX_CHAIN} operations in one chain`;

const parens = (n: number): string => `${'('.repeat(n)}a${')'.repeat(n)}`;
const calls = (n: number): string => `${'abs('.repeat(n)}a${')'.repeat(n)}`;
const nots = (n: number): string => `${'!'.repeat(n)}b`;
const chain = (n: number, term = 'a', op = ' + '): string => Array<string>(n + 1).fill(term).join(op);

describe('nesting limit', () => {
  it('accepts nesting up to the limit and evaluates it', () => {
    expect(evaluate(parens(MAX_NESTING), schema, { a: [3] })).toEqual([3]);
    expect(evaluate(calls(MAX_NESTING), schema, { a: [-3] })).toEqual([3]);
    expect(evaluate(nots(MAX_NESTING), schema, { b: [true] })).toEqual([true]);
    expect(evaluate(`${'-'.repeat(MAX_NESTING - 1)}a`, schema, { a: [2] })).toEqual([-2]);
  });

  it.each([
    ['parentheses', parens(MAX_NESTING + 1), MAX_NESTING + 1],
    ['782 parentheses', parens(782), MAX_NESTING + 1],
    ['1,200 nested calls', calls(1200), 4 * MAX_NESTING + 4],
    ["2,000 '!'", nots(2000), MAX_NESTING + 1],
    ["'not' words", `${'not '.repeat(100)}b`, 4 * MAX_NESTING + 1],
    ["'-' on groups", `${'-('.repeat(100)}a${')'.repeat(100)}`, MAX_NESTING + 1],
    ["'?:' in the alternate", `${'b ? a : '.repeat(100)}a`, 8 * MAX_NESTING + 3],
  ])('refuses %s at the column where the limit is passed', (_, source, column) => {
    const error = errorOf(source, schema);
    expect(error.message).toBe(`column ${column}: ${NESTING} (parentheses, calls, '-', 'not' and '?:' inside each other)`);
    expect(error.column).toBe(column);
  });

  it('counts levels that close again only once at a time', () => {
    // 100 groups side by side, each 60 deep, are never more than 60 deep.
    const wide = Array.from({ length: 100 }, () => parens(60)).join(' + ');
    expect(compileExpression(wide, schema).ok).toBe(true);
    const negated = Array.from({ length: 200 }, () => '!b').join(' && ');
    expect(compileExpression(negated, schema).ok).toBe(true);
    const args = `min(${Array.from({ length: 200 }, () => 'b ? a : 1').join(', ')})`;
    expect(compileExpression(args, schema).ok).toBe(true);
  });

  it('does not count parentheses inside strings', () => {
    expect(evaluate(`s == "${'('.repeat(1000)}" ? 1 : 2`, schema, { s: ['x'] })).toEqual([2]);
    expect(evaluate(`s == '${')'.repeat(1000)}\\'' ? 1 : 2`, schema, { s: ['x'] })).toEqual([2]);
  });
});

describe('chain limit', () => {
  it(`accepts a chain of ${MAX_CHAIN} operations and evaluates it`, () => {
    expect(evaluate(chain(MAX_CHAIN), schema, { a: [2, null] })).toEqual([2 * (MAX_CHAIN + 1), null]);
    expect(evaluate(chain(MAX_CHAIN, 'b', ' and '), schema, { b: [true, false] })).toEqual([true, false]);
  });

  it.each([
    ['one more', MAX_CHAIN + 1],
    ['3,300 chained +', 3300],
    ['10,000 chained +', 10000],
  ])('refuses %s at the operator that passes the limit', (_, n) => {
    const error = errorOf(chain(n), schema);
    // `a + a + ...`: operator k (1-based) starts at index 2 + 4 (k - 1).
    const column = 2 + 4 * MAX_CHAIN + 1;
    expect(error.message).toBe(`column ${column}: ${CHAIN}; split it into several fields of a map node`);
    expect(chain(n).slice(column - 1, column)).toBe('+');
  });

  it('counts operations across nesting and precedence', () => {
    const grouped = `(${chain(300)}) * (${chain(300)})`;
    expect(compileExpression(grouped, schema).ok).toBe(true);
    const deep = `(${chain(300)}) * a - ${chain(300, 'a', ' * ')}`;
    expect(compileExpression(deep, schema).ok).toBe(true);
    const nested = `abs(${chain(300)}) + ${chain(250)}`;
    expect(errorOf(nested, schema).message).toContain(CHAIN);
  });

  it('refuses a long chain of comparisons joined by and', () => {
    expect(errorOf(chain(600, 'a < 2', ' && '), schema).message).toContain(CHAIN);
  });
});

/** A numeric expression of `levels` nesting levels around `a`, with its value for a given `a`. */
interface Spine {
  readonly source: string;
  readonly value: (a: number) => number;
}

const WRAPPERS: readonly ((inner: Spine) => Spine)[] = [
  (x) => ({ source: `(${x.source})`, value: x.value }),
  (x) => ({ source: `-${x.source}`, value: (a) => -x.value(a) }),
  (x) => ({ source: `abs(${x.source})`, value: (a) => Math.abs(x.value(a)) }),
  (x) => ({ source: `min(${x.source}, 7)`, value: (a) => Math.min(x.value(a), 7) }),
  (x) => ({ source: `(b ? ${x.source} : 1)`, value: (a) => x.value(a) }),
  (x) => ({ source: `(1 - ${x.source})`, value: (a) => 1 - x.value(a) }),
];

/** Wrappers that each open one level; `(b ? x : 1)` opens two (the group and the `?`). */
const LEVELS = [1, 1, 1, 1, 2, 1];

const spine = fc.array(fc.integer({ min: 0, max: WRAPPERS.length - 1 }), { maxLength: 80 }).map((picks) => {
  let expr: Spine = { source: 'a', value: (a) => a };
  let levels = 0;
  for (const pick of picks) {
    if (levels + LEVELS[pick]! > MAX_NESTING) break;
    levels += LEVELS[pick]!;
    expr = WRAPPERS[pick]!(expr);
  }
  return expr;
});

// Tokens that make nesting, chains and strings; most soups do not parse at all.
const token = fc.constantFrom('(', ')', '!', '-', 'not ', ' + ', ' * ', ' && ', ' ? ', ' : ', ', ', 'a', 'b', '1.5e-3', '"(("', 'abs(', 'min(', ' == ', ' and ');
const soup = fc.array(token, { maxLength: 120 }).map((tokens) => tokens.join(''));

describe('depth limits keep every other expression as it was', () => {
  it('evaluates random nesting within the limit like plain JavaScript', () => {
    fc.assert(
      fc.property(spine, fc.double({ noNaN: true }), (expr, a) => {
        const [value] = evaluate(expr.source, schema, { a: [a], b: [true] });
        expect(value, expr.source).toBe(expr.value(a));
      }),
      { numRuns: 300 },
    );
  });

  it('parses random text exactly as an unlimited parse does, or refuses it for depth', () => {
    fc.assert(
      fc.property(soup, (source) => {
        const unlimited = catchSourceError(() => parseOrThrow(source, UNLIMITED));
        const limited = catchSourceError(() => parseOrThrow(source));
        if (limited.ok) expect(limited).toEqual(unlimited);
        else if (!limited.error.message.includes(NESTING) && !limited.error.message.includes(CHAIN)) expect(limited).toEqual(unlimited);
      }),
      { numRuns: 1000 },
    );
  });
});
