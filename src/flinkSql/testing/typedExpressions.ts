/**
 * Random well-typed expressions of our language over a fixed schema, for
 * the translator's property tests. `guarded` keeps them free of NaN and of
 * division by zero (divisors are `abs(e) + 1`, sqrt and log read `abs(e)`),
 * so two engines can be compared value for value; `monotone` leaves out the
 * constructs under which a missing value's false (ours) and NULL (SQL) lead
 * to different results (not, == and != between booleans, boolean coalesce).
 */
import fc from 'fast-check';
import type { Field } from '../../engine/batch';

/** The schema the expressions read: a reserved word and a dotted name among them. */
export const TEST_FIELDS: readonly Field[] = [
  { name: 'x', type: 'number' },
  { name: 'y', type: 'number' },
  { name: 'a.b', type: 'number' },
  { name: 'select', type: 'number' },
  { name: 's', type: 'string' },
  { name: 'u', type: 'string' },
  { name: 'b', type: 'boolean' },
  { name: 't', type: 'time' },
];

export interface ExpressionShape {
  readonly guarded: boolean;
  readonly monotone: boolean;
}

/** Arbitraries for number, string and boolean expressions of the given shape, as source text. */
export function typedExpressions({ guarded, monotone }: ExpressionShape): {
  number: fc.Arbitrary<string>;
  string: fc.Arbitrary<string>;
  boolean: fc.Arbitrary<string>;
} {
  const integer = fc.integer({ min: 0, max: 20 }).map(String);
  const quarter = fc.integer({ min: 1, max: 40 }).map((k) => String(k / 4));
  // 1e21 only unguarded: its remainder by a small number is beyond what the written-out % keeps exact.
  const numberLiteral = fc.oneof(integer, quarter, fc.constantFrom('3000000000', '0.1', ...(guarded ? [] : ['1e21'])));
  const time = fc.oneof(
    fc.constant('t'),
    integer.map((n) => `(t + ${n}000)`),
    integer.map((n) => `(t - ${n})`),
    fc.constant('min(t, t + 1000)'),
  );
  // Binary operators are written with or without parentheses, so our parser's precedence shapes the tree too;
  // they come up three times as often as other options, so operators nest in operators often.
  const heavy = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string>[] => [arbitrary, arbitrary, arbitrary];
  const infix = (a: string, op: string, b: string, bare: boolean): string => (bare ? `${a} ${op} ${b}` : `(${a} ${op} ${b})`);

  const tree = fc.letrec<{ num: string; str: string; bool: string }>((tie) => {
    const num = tie('num');
    const str = tie('str');
    const bool = tie('bool');
    const numbers: fc.Arbitrary<string>[] = [
      fc.constantFrom('x', 'y', 'a.b', 'select'),
      numberLiteral,
      num.map((a) => `-(${a})`),
      ...heavy(fc.tuple(num, fc.constantFrom('+', '-', '*'), num, fc.boolean()).map(([a, op, b, bare]) => infix(a, op, b, bare))),
      fc.tuple(num, fc.constantFrom('/', '%'), num).map(([a, op, b]) => (guarded ? `(${a} ${op} (abs(${b}) + 1))` : `(${a} ${op} ${b})`)),
      fc.tuple(fc.constantFrom('abs', 'floor', 'ceil'), num).map(([fn, a]) => `${fn}(${a})`),
      num.map((a) => (guarded ? `sqrt(abs(${a}))` : `sqrt(${a})`)),
      num.map((a) => (guarded ? `log(abs(${a}) + 1)` : `log(${a})`)),
      fc.tuple(num, fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined })).map(([a, digits]) => {
        // Ours rounds halves up, Flink away from zero: the guarded form rounds only non-negative numbers.
        const x = guarded ? `abs(${a})` : a;
        return digits === undefined ? `round(${x})` : `round(${x}, ${digits})`;
      }),
      fc.tuple(fc.constantFrom('min', 'max'), fc.array(num, { minLength: 2, maxLength: 3 })).map(([fn, args]) => `${fn}(${args.join(', ')})`),
      str.map((s) => `len(${s})`),
      fc.tuple(fc.constantFrom('hour', 'minute'), time).map(([fn, t]) => `${fn}(${t})`),
      fc.integer({ min: 1, max: 100 }).map((n) => `(t % ${n})`),
      fc.tuple(bool, num, num).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
      fc.tuple(num, fc.oneof(num, fc.constant('null'))).map(([a, b]) => `coalesce(${a}, ${b})`),
    ];
    const strings: fc.Arbitrary<string>[] = [
      fc.constantFrom('s', 'u'),
      fc.constantFrom('"a"', '"ab"', '"B"', '""', `"it's"`),
      fc.tuple(fc.constantFrom('lower', 'upper'), str).map(([fn, s]) => `${fn}(${s})`),
      fc.tuple(str, str, fc.boolean()).map(([a, b, bare]) => infix(a, '+', b, bare)),
      fc.tuple(bool, str, str).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
      fc.tuple(str, fc.oneof(str, fc.constant('null'))).map(([a, b]) => `coalesce(${a}, ${b})`),
    ];
    const booleans: fc.Arbitrary<string>[] = [
      fc.constantFrom('b', 'true', 'false'),
      ...heavy(fc.tuple(num, fc.constantFrom('==', '!=', '<', '<=', '>', '>='), num, fc.boolean()).map(([a, op, b, bare]) => infix(a, op, b, bare))),
      fc.tuple(str, fc.constantFrom('==', '!=', '<', '<=', '>', '>='), str).map(([a, op, b]) => `(${a} ${op} ${b})`),
      ...heavy(fc.tuple(bool, fc.constantFrom('&&', '||', 'and', 'or'), bool, fc.boolean()).map(([a, op, b, bare]) => infix(a, op, b, bare))),
      fc.tuple(fc.constantFrom('contains', 'startsWith'), str, str).map(([fn, a, b]) => `${fn}(${a}, ${b})`),
      fc.tuple(bool, bool, bool).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    ];
    if (!monotone) {
      booleans.push(
        bool.map((a) => `!(${a})`),
        bool.map((a) => `not (${a})`),
        fc.tuple(bool, fc.constantFrom('==', '!='), bool).map(([a, op, b]) => `((${a}) ${op} (${b}))`),
        fc.tuple(bool, bool).map(([a, b]) => `coalesce(${a}, ${b})`),
      );
    }
    const pick = (options: fc.Arbitrary<string>[]): fc.Arbitrary<string> =>
      fc.oneof({ depthSize: 'small', maxDepth: 5, depthIdentifier: 'expression', withCrossShrink: true }, ...options);
    return { num: pick(numbers), str: pick(strings), bool: pick(booleans) };
  });
  return { number: tree.num, string: tree.str, boolean: tree.bool };
}
