/**
 * Which operand types each operator accepts and what it gives. Errors
 * point at the operand when that operand could never fit, and at the
 * operator when each side is fine alone but the two do not go together.
 */
import type { FieldType } from '../batch';
import type { BinaryNode, Expr } from './ast';
import { SourceError } from './errors';
import { isNumeric, type ValueType } from './types';

/** The null literal may only be a `?:` branch or a coalesce() argument. */
export function refuseNull(type: ValueType, node: Expr, comparing = false): FieldType {
  if (type !== 'null') return type;
  const message = comparing
    ? 'comparing with null is always false, since a missing value never compares; use coalesce(x, fallback) to replace missing values'
    : "null can only be a branch of '?:' or an argument of coalesce()";
  throw new SourceError(node.start, message);
}

/** The result type of `node` with operands of types `left` and `right`, or a positioned error. */
export function binaryType(node: BinaryNode, left: FieldType, right: FieldType): FieldType {
  const op = node.operator;
  switch (op) {
    case '&&':
    case '||':
      expect(left === 'boolean', node.left, `'${op}' needs a boolean on its left, got ${left}`);
      expect(right === 'boolean', node.right, `'${op}' needs a boolean on its right, got ${right}`);
      return 'boolean';
    case '+':
      if (left === 'string' && right === 'string') return 'string';
      expect(left !== 'boolean', node.left, `'+' adds numbers or joins strings, not a boolean`);
      expect(right !== 'boolean', node.right, `'+' adds numbers or joins strings, not a boolean`);
      expect(isNumeric(left) && isNumeric(right), node.operatorStart, `'+' adds two numbers or joins two strings, not ${left} and ${right}`);
      // A time moved by a duration is still a time; two times added are just a number.
      return (left === 'time') !== (right === 'time') ? 'time' : 'number';
    case '-':
    case '*':
    case '/':
    case '%':
      expect(isNumeric(left), node.left, `'${op}' needs numbers, got ${left} on its left`);
      expect(isNumeric(right), node.right, `'${op}' needs numbers, got ${right} on its right`);
      // time - number is a time; time - time is a duration in ms, a number.
      return op === '-' && left === 'time' && right !== 'time' ? 'time' : 'number';
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const same = left === right || (isNumeric(left) && isNumeric(right));
      expect(same, node.operatorStart, `'${op}' cannot compare ${left} with ${right}`);
      const ordered = op === '==' || op === '!=' || left !== 'boolean';
      expect(ordered, node.operatorStart, `'${op}' does not order booleans; use '==' or '!='`);
      return 'boolean';
    }
  }
}

function expect(condition: boolean, at: Expr | number, message: string): void {
  if (!condition) throw new SourceError(typeof at === 'number' ? at : at.start, message);
}
