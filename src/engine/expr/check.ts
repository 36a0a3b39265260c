/**
 * The type checker: resolves fields against the schema and functions
 * against the built-ins, gives every node a type, and reports the first
 * problem at the column of the token that caused it.
 */
import { closestMatch, quote } from '../../model/text';
import type { FieldType, Schema } from '../batch';
import type { CallNode, ConditionalNode, Expr } from './ast';
import { SourceError } from './errors';
import { FUNCTION_NAMES, FUNCTIONS } from './functions';
import { binaryType, refuseNull } from './operatorTypes';
import { isNumeric, unify, type FunctionDef, type Typed, type ValueType } from './types';

/** A checked expression and the fields it reads, in order of first use. */
export interface Checked {
  readonly typed: Typed;
  readonly fields: readonly string[];
}

interface Context {
  /** A Map, so `constructor` or `__proto__` is a field only if the schema says so. */
  readonly schema: ReadonlyMap<string, FieldType>;
  readonly used: Set<string>;
}

/** Checks `ast` against `schema`; throws a {@link SourceError} at the first problem. */
export function checkExpression(ast: Expr, schema: Schema): Checked {
  const fields = new Map<string, FieldType>();
  for (const field of schema) if (!fields.has(field.name)) fields.set(field.name, field.type);
  const context: Context = { schema: fields, used: new Set() };
  const typed = visit(ast, context);
  refuseNull(typed.type, ast);
  return { typed, fields: [...context.used] };
}

function visit(node: Expr, context: Context): Typed {
  switch (node.kind) {
    case 'literal': {
      const { value } = node;
      const type = value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value === 'string' ? 'string' : 'boolean';
      return { kind: 'const', type, value };
    }
    case 'field': {
      const type = context.schema.get(node.name);
      if (type === undefined) throw new SourceError(node.start, unknownField(node.name, [...context.schema.keys()]));
      context.used.add(node.name);
      return { kind: 'field', type, name: node.name };
    }
    case 'unary': {
      const argument = visit(node.argument, context);
      const type = refuseNull(argument.type, node.argument);
      if (node.operator === '-') {
        if (!isNumeric(type)) throw new SourceError(node.argument.start, `'-' needs a number, got ${type}`);
        return { kind: 'negate', type: 'number', argument };
      }
      if (type !== 'boolean') throw new SourceError(node.argument.start, `'not' needs a boolean, got ${type}`);
      return { kind: 'not', type: 'boolean', argument };
    }
    case 'binary': {
      const left = visit(node.left, context);
      const right = visit(node.right, context);
      const comparing = ['==', '!=', '<', '<=', '>', '>='].includes(node.operator);
      const type = binaryType(node, refuseNull(left.type, node.left, comparing), refuseNull(right.type, node.right, comparing));
      return { kind: 'binary', type, operator: node.operator, left, right };
    }
    case 'conditional':
      return conditional(node, context);
    case 'call':
      return call(node, context);
  }
}

function conditional(node: ConditionalNode, context: Context): Typed {
  const test = visit(node.test, context);
  const testType = refuseNull(test.type, node.test);
  if (testType !== 'boolean') throw new SourceError(node.test.start, `the condition before '?' must be a boolean, got ${testType}`);
  const consequent = visit(node.consequent, context);
  const alternate = visit(node.alternate, context);
  const type = unify(consequent.type, alternate.type);
  if (type === undefined) {
    throw new SourceError(node.alternate.start, `both branches of '?:' need one type, got ${consequent.type} and ${alternate.type}`);
  }
  if (type === 'null') throw new SourceError(node.consequent.start, "both branches of '?:' are null, so it has no type");
  return { kind: 'conditional', type, test, consequent, alternate };
}

function call(node: CallNode, context: Context): Typed {
  const fn = FUNCTIONS.get(node.name);
  if (fn === undefined) {
    const hint = closestMatch(node.name, FUNCTION_NAMES);
    const guess = hint === undefined ? '' : ` (did you mean ${quote(hint)}?)`;
    throw new SourceError(node.start, `unknown function ${quote(node.name)}${guess}; known functions: ${FUNCTION_NAMES.join(', ')}`);
  }
  const count = node.args.length;
  const extra = node.args[fn.maxArgs];
  if (count < fn.minArgs || extra !== undefined) {
    const needs = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} or ${fn.maxArgs}`;
    const message = `${fn.name} takes ${needs} argument${needs === '1' ? '' : 's'}, got ${count}: ${fn.usage}`;
    // Too many: point at the first one too many; too few: at the name.
    throw new SourceError(extra?.start ?? node.start, message);
  }
  const args = node.args.map((arg) => visit(arg, context));
  const types = argumentTypes(fn, node, args);
  if (types.length === 0) throw new SourceError(node.start, `${fn.name} needs an argument that is not null, to have a type`);
  return { kind: 'call', type: fn.result(types), fn, args };
}

/** The types of the arguments that are not the null literal, each checked against the function's parameters. */
function argumentTypes(fn: FunctionDef, node: CallNode, args: readonly Typed[]): FieldType[] {
  const types: FieldType[] = [];
  let shared: ValueType = 'null';
  args.forEach((arg, i) => {
    const source = node.args[i]!;
    if (fn.param === 'same') {
      const next = unify(shared, arg.type);
      if (next === undefined) throw new SourceError(source.start, `${fn.name} needs arguments of one type, got ${arg.type} after ${shared}`);
      shared = next;
      if (arg.type !== 'null') types.push(arg.type);
      return;
    }
    const type = refuseNull(arg.type, source);
    const fits = fn.param === 'numeric' ? isNumeric(type) : type === 'string';
    const wanted = fn.param === 'numeric' ? 'a number' : 'a string';
    if (!fits) throw new SourceError(source.start, `${fn.name} needs ${wanted} as argument ${i + 1}, got ${type}`);
    types.push(type);
  });
  return types;
}

function unknownField(name: string, known: readonly string[]): string {
  const hint = closestMatch(name, known);
  if (hint !== undefined) return `unknown field ${quote(name)} (did you mean ${quote(hint)}?)`;
  if (known.length === 0) return `unknown field ${quote(name)} (the input has no fields)`;
  const shown = known.slice(0, 8).map(quote).join(', ') + (known.length > 8 ? ', ...' : '');
  return `unknown field ${quote(name)} (known fields: ${shown})`;
}
