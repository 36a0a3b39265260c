/**
 * Compiles a binary operator to the loop for its operand types (the
 * checker has already decided those types are allowed).
 */
import type { FieldType } from '../batch';
import type { ArithmeticOperator, BinaryOperator, ComparisonOperator } from './ast';
import { byteBuffer, bytesOf, floatBuffer, floatsOf, numberColumn } from './columns';
import { constantColumns } from './constants';
import { ARITHMETIC, ARITHMETIC_SCALAR, COMPARE_NUMBERS, COMPARE_SCALAR, equalBytes, MIRROR, SCALE_SHIFT } from './kernels';
import { logical } from './ranges';
import { compareStrings, concatenate } from './stringOps';
import type { Part, Run, Scalar, Scaled } from './types';

/** The run for `left operator right`, by the operands' types. */
export function compileBinary(operator: BinaryOperator, left: Part, right: Part, type: FieldType): Run {
  switch (operator) {
    case '&&':
    case '||':
      return logical(operator === '&&', left, right);
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (left.type === 'string') return compareStrings(operator, left, right);
      if (left.type === 'boolean') return compareBooleans(operator === '==' ? 0 : 1, left, right);
      return compareNumbers(operator, left, right);
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      if (type === 'string') return concatenate(left, right);
      return arithmetic(operator, left, right, type);
  }
}

/** `==` (flip 0) or `!=` (flip 1) on booleans. */
function compareBooleans(flip: 0 | 1, left: Part, right: Part): Run {
  const readA = bytesOf(left);
  const readB = bytesOf(right);
  const buffer = byteBuffer();
  return (block) => {
    const values = buffer(block.length);
    equalBytes(readA(block), readB(block), values, block.length, flip);
    return { type: 'boolean', values };
  };
}

function compareNumbers(operator: ComparisonOperator, left: Part, right: Part): Run {
  if (left.kind === 'const') return compareWithConstant(MIRROR[operator], right, left.value);
  if (right.kind === 'const') return compareWithConstant(operator, left, right.value);
  const kernel = COMPARE_NUMBERS[operator];
  const readA = floatsOf(left);
  const readB = floatsOf(right);
  const buffer = byteBuffer();
  return (block) => {
    const values = buffer(block.length);
    kernel(readA(block), readB(block), values, block.length);
    return { type: 'boolean', values };
  };
}

function compareWithConstant(operator: ComparisonOperator, part: Part, value: Scalar): Run {
  const c = typeof value === 'number' ? value : NaN;
  // Every comparison with a missing value is false, `!=` included.
  if (Number.isNaN(c)) return constantColumns('boolean', false, false);
  const kernel = COMPARE_SCALAR[operator];
  const read = floatsOf(part);
  const buffer = byteBuffer();
  return (block) => {
    const values = buffer(block.length);
    kernel(read(block), c, values, block.length);
    return { type: 'boolean', values };
  };
}

function arithmetic(operator: ArithmeticOperator, left: Part, right: Part, type: FieldType): Run {
  const commutes = operator === '+' || operator === '*';
  if (right.kind === 'const') return arithmeticWithConstant(operator, left, right.value, type);
  if (left.kind === 'const' && commutes) return arithmeticWithConstant(operator, right, left.value, type);
  const kernel = ARITHMETIC[operator];
  const readA = floatsOf(left);
  const readB = floatsOf(right);
  const buffer = floatBuffer();
  return (block) => {
    const values = buffer(block.length);
    kernel(readA(block), readB(block), values, block.length);
    return numberColumn(type, values);
  };
}

function arithmeticWithConstant(operator: ArithmeticOperator, part: Part, value: Scalar, type: FieldType): Run {
  const c = typeof value === 'number' ? value : NaN;
  const scaled = part.kind === 'run' ? part.scaled : undefined;
  if (scaled !== undefined && (operator === '+' || operator === '-')) return scaledShifted(scaled, operator, c, type);
  const kernel = ARITHMETIC_SCALAR[operator];
  const read = floatsOf(part);
  const buffer = floatBuffer();
  return (block) => {
    const values = buffer(block.length);
    kernel(read(block), c, values, block.length);
    return numberColumn(type, values);
  };
}

/** `x * c1 + c2` and its kin (see Scaled) in one pass. */
function scaledShifted(scaled: Scaled, operator: '+' | '-', c2: number, type: FieldType): Run {
  const kernel = SCALE_SHIFT[scaled.operator][operator];
  const { read, c } = scaled;
  const buffer = floatBuffer();
  return (block) => {
    const values = buffer(block.length);
    kernel(read(block), c, c2, values, block.length);
    return numberColumn(type, values);
  };
}
