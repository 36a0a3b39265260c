/**
 * The vectorized evaluator against a tiny row-at-a-time interpreter, on
 * random expressions over random numeric columns. The generator builds a
 * tree, prints it as source (fully parenthesized) for the compiler, and
 * interprets the tree itself, so the parser is under test too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCell, type Schema } from '../batch';
import { compiled, makeBlock } from './testing';

type Num =
  | { k: 'field'; name: 'x' | 'y' | 'z' }
  | { k: 'lit'; value: number }
  | { k: 'neg'; a: Num }
  | { k: 'arith'; op: '+' | '-' | '*' | '/' | '%'; a: Num; b: Num }
  | { k: 'fn1'; fn: 'abs' | 'floor' | 'ceil' | 'round' | 'sqrt' | 'log'; a: Num }
  | { k: 'clock'; fn: 'hour' | 'minute'; a: Num }
  | { k: 'roundTo'; a: Num; digits: number }
  | { k: 'many'; fn: 'min' | 'max' | 'coalesce'; args: Num[] }
  | { k: 'ifNum'; test: Bool; a: Num; b: Num };

type Bool =
  | { k: 'lit'; value: boolean }
  | { k: 'cmp'; op: '==' | '!=' | '<' | '<=' | '>' | '>='; a: Num; b: Num }
  | { k: 'logic'; op: '&&' | '||' | 'and' | 'or'; a: Bool; b: Bool }
  | { k: 'not'; op: '!' | 'not '; a: Bool }
  | { k: 'ifBool'; test: Bool; a: Bool; b: Bool };

const names = fc.constantFrom('x' as const, 'y' as const, 'z' as const);
// Constants a comparison may meet at its edges: zeros of both signs, infinities (printed as 1e400), fractions.
const literal = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, -0, Infinity, -Infinity, 2.25, 1e-300));

const { num, bool } = fc.letrec<{ num: Num; bool: Bool }>((tie) => ({
  num: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ k: fc.constant('field' as const), name: names }),
    fc.record({ k: fc.constant('lit' as const), value: literal }),
    fc.record({ k: fc.constant('neg' as const), a: tie('num') }),
    fc.record({ k: fc.constant('arith' as const), op: fc.constantFrom('+', '-', '*', '/', '%'), a: tie('num'), b: tie('num') }),
    fc.record({ k: fc.constant('fn1' as const), fn: fc.constantFrom('abs', 'floor', 'ceil', 'round', 'sqrt', 'log'), a: tie('num') }),
    fc.record({ k: fc.constant('clock' as const), fn: fc.constantFrom('hour', 'minute'), a: tie('num') }),
    fc.record({ k: fc.constant('roundTo' as const), a: tie('num'), digits: fc.integer({ min: -2, max: 3 }) }),
    fc.record({
      k: fc.constant('many' as const),
      fn: fc.constantFrom('min', 'max', 'coalesce'),
      args: fc.array(tie('num'), { minLength: 2, maxLength: 3 }),
    }),
    fc.record({ k: fc.constant('ifNum' as const), test: tie('bool'), a: tie('num'), b: tie('num') }),
  ),
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ k: fc.constant('lit' as const), value: fc.boolean() }),
    fc.record({ k: fc.constant('cmp' as const), op: fc.constantFrom('==', '!=', '<', '<=', '>', '>='), a: tie('num'), b: tie('num') }),
    fc.record({ k: fc.constant('logic' as const), op: fc.constantFrom('&&', '||', 'and', 'or'), a: tie('bool'), b: tie('bool') }),
    fc.record({ k: fc.constant('not' as const), op: fc.constantFrom('!', 'not '), a: tie('bool') }),
    fc.record({ k: fc.constant('ifBool' as const), test: tie('bool'), a: tie('bool'), b: tie('bool') }),
  ),
}));

function printNum(e: Num): string {
  switch (e.k) {
    case 'field':
      return e.name;
    case 'lit':
      // `-0` and `-1e400` print as a unary minus of a literal, which folds back to the value.
      return Object.is(e.value, -0) ? '(-0)' : e.value === -Infinity ? '(-1e400)' : e.value === Infinity ? '1e400' : `(${e.value})`;
    case 'neg':
      return `(-${printNum(e.a)})`;
    case 'arith':
      return `(${printNum(e.a)} ${e.op} ${printNum(e.b)})`;
    case 'fn1':
      return `${e.fn}(${printNum(e.a)})`;
    case 'clock':
      return `${e.fn}(${printNum(e.a)})`;
    case 'roundTo':
      return `round(${printNum(e.a)}, ${e.digits})`;
    case 'many':
      return `${e.fn}(${e.args.map(printNum).join(', ')})`;
    case 'ifNum':
      return `(${printBool(e.test)} ? ${printNum(e.a)} : ${printNum(e.b)})`;
  }
}

function printBool(e: Bool): string {
  switch (e.k) {
    case 'lit':
      return String(e.value);
    case 'cmp':
      return `(${printNum(e.a)} ${e.op} ${printNum(e.b)})`;
    case 'logic':
      return `(${printBool(e.a)} ${e.op} ${printBool(e.b)})`;
    case 'not':
      return `(${e.op}${printBool(e.a)})`;
    case 'ifBool':
      return `(${printBool(e.test)} ? ${printBool(e.a)} : ${printBool(e.b)})`;
  }
}

type Row = Readonly<Record<'x' | 'y' | 'z', number>>;

/** The reference: plain JS per row, with the language's rules for missing values (NaN) spelled out. */
function numAt(e: Num, row: Row): number {
  switch (e.k) {
    case 'field':
      return row[e.name];
    case 'lit':
      return e.value;
    case 'neg':
      return -numAt(e.a, row);
    case 'arith': {
      const [a, b] = [numAt(e.a, row), numAt(e.b, row)];
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a % b;
    }
    case 'fn1':
      return Math[e.fn](numAt(e.a, row));
    case 'clock': {
      const date = new Date(numAt(e.a, row));
      return e.fn === 'hour' ? date.getUTCHours() : date.getUTCMinutes();
    }
    case 'roundTo': {
      const scale = 10 ** e.digits;
      return Math.round(numAt(e.a, row) * scale) / scale;
    }
    case 'many': {
      const values = e.args.map((arg) => numAt(arg, row));
      if (e.fn === 'coalesce') return values.find((v) => !Number.isNaN(v)) ?? NaN;
      return e.fn === 'min' ? Math.min(...values) : Math.max(...values);
    }
    case 'ifNum':
      return boolAt(e.test, row) ? numAt(e.a, row) : numAt(e.b, row);
  }
}

function boolAt(e: Bool, row: Row): boolean {
  switch (e.k) {
    case 'lit':
      return e.value;
    case 'cmp': {
      const [a, b] = [numAt(e.a, row), numAt(e.b, row)];
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      const table = { '==': a === b, '!=': a !== b, '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b };
      return table[e.op];
    }
    case 'logic': {
      const [a, b] = [boolAt(e.a, row), boolAt(e.b, row)];
      return e.op === '&&' || e.op === 'and' ? a && b : a || b;
    }
    case 'not':
      return !boolAt(e.a, row);
    case 'ifBool':
      return boolAt(e.test, row) ? boolAt(e.a, row) : boolAt(e.b, row);
  }
}

// Small integers, epoch-ms sized values and the constants' neighbours; NaN is a missing value.
const cell = fc.oneof(
  fc.integer({ min: -10, max: 10 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.double({ noNaN: true }),
  fc.constantFrom(NaN, 0.5, -0, 30, 80),
);
const columns = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.record({ x: fc.array(cell, { minLength: n, maxLength: n }), y: fc.array(cell, { minLength: n, maxLength: n }), z: fc.array(cell, { minLength: n, maxLength: n }) }),
);

const schema: Schema = [
  { name: 'x', type: 'number' },
  { name: 'y', type: 'number' },
  { name: 'z', type: 'number' },
];

function rowsOf(data: { x: number[]; y: number[]; z: number[] }): Row[] {
  return data.x.map((x, i) => ({ x, y: data.y[i]!, z: data.z[i]! }));
}

describe('the vectorized evaluator', () => {
  it('agrees with a row-at-a-time interpreter on numeric expressions', () => {
    fc.assert(
      fc.property(num, columns, (expr, data) => {
        const source = printNum(expr);
        const column = compiled(source, schema).evaluate(makeBlock(schema, data));
        rowsOf(data).forEach((row, i) => {
          const expected = numAt(expr, row);
          const actual = readCell(column, i);
          expect(actual, `${source} at row ${i}`).toBe(Number.isNaN(expected) ? null : expected);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with a row-at-a-time interpreter on boolean expressions', () => {
    fc.assert(
      fc.property(bool, columns, (expr, data) => {
        const source = printBool(expr);
        const column = compiled(source, schema).evaluate(makeBlock(schema, data));
        rowsOf(data).forEach((row, i) => {
          expect(readCell(column, i), `${source} at row ${i}`).toBe(boolAt(expr, row));
        });
      }),
      { numRuns: 400 },
    );
  });
});
