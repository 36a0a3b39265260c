/**
 * The built-in functions, by name. A Map, not an object, so that
 * `constructor(1)` or `toString()` finds nothing rather than Object's
 * methods.
 */
import type { FieldType } from '../batch';
import { NUMERIC_UNARY } from './kernels';
import { extreme, numericUnary, round } from './numericFunctions';
import { coalesce } from './select';
import { changeCase, stringLength, stringTest } from './stringFunctions';
import type { FunctionDef } from './types';

const number = (): FieldType => 'number';
const boolean = (): FieldType => 'boolean';
const string = (): FieldType => 'string';

function numeric(name: keyof typeof NUMERIC_UNARY, usage: string): FunctionDef {
  return { name, usage, minArgs: 1, maxArgs: 1, param: 'numeric', result: number, compile: numericUnary(NUMERIC_UNARY[name]) };
}

const DEFINITIONS: readonly FunctionDef[] = [
  numeric('abs', 'abs(x)'),
  numeric('floor', 'floor(x)'),
  numeric('ceil', 'ceil(x)'),
  numeric('sqrt', 'sqrt(x)'),
  numeric('log', 'log(x), the natural logarithm'),
  numeric('hour', 'hour(t), the UTC hour 0-23 of an epoch-ms time'),
  numeric('minute', 'minute(t), the UTC minute 0-59 of an epoch-ms time'),
  { name: 'round', usage: 'round(x) or round(x, digits)', minArgs: 1, maxArgs: 2, param: 'numeric', result: number, compile: round },
  ...(['min', 'max'] as const).map(
    (name): FunctionDef => ({
      name,
      usage: `${name}(a, b, ...)`,
      minArgs: 2,
      maxArgs: Infinity,
      param: 'numeric',
      // Time stays time only when every argument is one.
      result: (args) => (args.every((type) => type === 'time') ? 'time' : 'number'),
      compile: extreme(name === 'max'),
    }),
  ),
  { name: 'lower', usage: 'lower(s)', minArgs: 1, maxArgs: 1, param: 'string', result: string, compile: changeCase(false) },
  { name: 'upper', usage: 'upper(s)', minArgs: 1, maxArgs: 1, param: 'string', result: string, compile: changeCase(true) },
  { name: 'len', usage: 'len(s)', minArgs: 1, maxArgs: 1, param: 'string', result: number, compile: stringLength },
  { name: 'contains', usage: 'contains(s, sub)', minArgs: 2, maxArgs: 2, param: 'string', result: boolean, compile: stringTest(false) },
  { name: 'startsWith', usage: 'startsWith(s, prefix)', minArgs: 2, maxArgs: 2, param: 'string', result: boolean, compile: stringTest(true) },
  {
    name: 'coalesce',
    usage: 'coalesce(a, b, ...)',
    minArgs: 2,
    maxArgs: Infinity,
    param: 'same',
    // The checker has made sure the types unify (null arguments are left out of `args`):
    // all one type, or a mix of number and time, which is number.
    result: (args) => (args.every((type) => type === args[0]) ? (args[0] ?? 'number') : 'number'),
    compile: coalesce,
  },
];

/** Built-in functions by name. */
export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(DEFINITIONS.map((fn) => [fn.name, fn]));

/** Names of the built-ins, sorted, for "unknown function" messages. */
export const FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.keys()].sort();
