/** The numeric built-ins as runs over float columns. */
import type { FieldType } from '../batch';
import { floatBuffer, floatsOf, numberColumn } from './columns';
import { maxNumbers, minNumbers, NUMERIC_UNARY, roundDigits, roundScaled, type UnaryKernel } from './kernels';
import type { Part, Run } from './types';

/** A one-argument function: abs, floor, ceil, sqrt, log, hour, minute. */
export function numericUnary(kernel: UnaryKernel): (args: readonly Part[], type: FieldType) => Run {
  return (args, type) => {
    const read = floatsOf(argument(args, 0));
    const buffer = floatBuffer();
    return (block) => {
      const values = buffer(block.length);
      kernel(read(block), values, block.length);
      return numberColumn(type, values);
    };
  };
}

/** round(x) to an integer, half up (JS Math.round), or round(x, digits) to decimal places. */
export function round(args: readonly Part[], type: FieldType): Run {
  if (args.length === 1) return numericUnary(NUMERIC_UNARY.round)(args, type);
  const readX = floatsOf(argument(args, 0));
  const digits = argument(args, 1);
  const buffer = floatBuffer();
  if (digits.kind === 'const') {
    const scale = 10 ** Math.trunc(typeof digits.value === 'number' ? digits.value : NaN);
    return (block) => {
      const values = buffer(block.length);
      roundScaled(readX(block), scale, values, block.length);
      return numberColumn(type, values);
    };
  }
  const readDigits = floatsOf(digits);
  return (block) => {
    const values = buffer(block.length);
    roundDigits(readX(block), readDigits(block), values, block.length);
    return numberColumn(type, values);
  };
}

/** min(a, b, ...) or max(a, b, ...), a pair at a time into one buffer; missing if any argument is. */
export function extreme(largest: boolean): (args: readonly Part[], type: FieldType) => Run {
  const kernel = largest ? maxNumbers : minNumbers;
  return (args, type) => {
    const reads = args.map(floatsOf);
    const first = reads[0];
    if (first === undefined) throw new Error('the checker let min()/max() through without arguments');
    const buffer = floatBuffer();
    return (block) => {
      const n = block.length;
      const values = buffer(n);
      values.set(first(block));
      for (let k = 1; k < reads.length; k++) kernel(values, reads[k]!(block), values, n);
      return numberColumn(type, values);
    };
  };
}

function argument(args: readonly Part[], index: number): Part {
  const part = args[index];
  if (part === undefined) throw new Error(`the checker let a call through without argument ${index + 1}`);
  return part;
}
