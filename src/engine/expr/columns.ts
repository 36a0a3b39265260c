/**
 * Reading parts as typed arrays, and the buffers runs write into. Buffers
 * are reused from block to block (a run owns its output until the next
 * call), so a steady stream of same-sized blocks allocates no arrays; the
 * compiled expression copies its final result so callers own it.
 */
import { createStringDict, type Column, type FieldType, type NumberColumn, type RowBlock, type StringColumn } from '../batch';
import type { Part } from './types';

/** Reads something per block: a column, its values, a constant filled to the block's length. */
export type Read<T> = (block: RowBlock) => T;

/** A reusable output buffer of exactly `n` entries (contents are overwritten by the writer). */
export function floatBuffer(): (n: number) => Float64Array {
  let buffer = new Float64Array(0);
  return (n) => (buffer.length === n ? buffer : (buffer = new Float64Array(n)));
}

/** See {@link floatBuffer}. */
export function byteBuffer(): (n: number) => Uint8Array {
  let buffer = new Uint8Array(0);
  return (n) => (buffer.length === n ? buffer : (buffer = new Uint8Array(n)));
}

/** See {@link floatBuffer}. */
export function intBuffer(): (n: number) => Int32Array {
  let buffer = new Int32Array(0);
  return (n) => (buffer.length === n ? buffer : (buffer = new Int32Array(n)));
}

/** A constant as a column: filled once per block size, so kernels need no constant-operand variants. */
export function filledFloats(value: number): Read<Float64Array> {
  let buffer = new Float64Array(0);
  return ({ length }) => (buffer.length === length ? buffer : (buffer = new Float64Array(length).fill(value)));
}

/** See {@link filledFloats}. */
export function filledBytes(value: number): Read<Uint8Array> {
  let buffer = new Uint8Array(0);
  return ({ length }) => (buffer.length === length ? buffer : (buffer = new Uint8Array(length).fill(value)));
}

/** See {@link filledFloats}. */
export function filledInts(value: number): Read<Int32Array> {
  let buffer = new Int32Array(0);
  return ({ length }) => (buffer.length === length ? buffer : (buffer = new Int32Array(length).fill(value)));
}

/** A numeric part as floats; a missing constant reads as NaN. */
export function floatsOf(part: Part): Read<Float64Array> {
  if (part.kind === 'const') return filledFloats(typeof part.value === 'number' ? part.value : NaN);
  const run = part.run;
  return (block) => {
    const column = run(block);
    if (column.type === 'number' || column.type === 'time') return column.values;
    throw new Error(`expected a numeric column, got ${column.type}`);
  };
}

/** A boolean part as 0/1 bytes; a missing constant reads as false, like a missing boolean cell. */
export function bytesOf(part: Part): Read<Uint8Array> {
  if (part.kind === 'const') return filledBytes(part.value === true ? 1 : 0);
  const run = part.run;
  return (block) => {
    const column = run(block);
    if (column.type === 'boolean') return column.values;
    throw new Error(`expected a boolean column, got ${column.type}`);
  };
}

type RunPart = Part & { kind: 'run' };

/** The part as a run; operations get at least one run, because constant-only subtrees are folded first. */
export function runOf(part: Part): RunPart {
  if (part.kind === 'run') return part;
  throw new Error('a constant reached an operation that needs a column; it should have been folded');
}

/** A string part that is not constant (constants are handled by each string operation). */
export function stringsOf(part: RunPart): Read<StringColumn> {
  const read = part.run;
  return (block) => {
    const column = read(block);
    if (column.type === 'string') return column;
    throw new Error(`expected a string column, got ${column.type}`);
  };
}

/** A number or time column of `type` (the checker's type, which may say time). */
export function numberColumn(type: FieldType, values: Float64Array): NumberColumn {
  return { type: type === 'time' ? 'time' : 'number', values };
}

/**
 * Reads a field from a block. Only own properties count: `columns` may be a
 * plain object, and `constructor` must not find Object's. A field the block
 * lacks reads as all missing; a column of the wrong type is a programming
 * error (the expression was compiled for another schema).
 */
export function fieldReader(name: string, type: FieldType): Read<Column> {
  const missing = missingColumn(type);
  return (block) => {
    const column = Object.hasOwn(block.columns, name) ? block.columns[name] : undefined;
    if (column === undefined) return missing(block);
    const numeric = type === 'number' || type === 'time';
    const fits = numeric ? column.type === 'number' || column.type === 'time' : column.type === type;
    if (!fits) throw new Error(`column '${name}' is ${column.type}, but the expression was compiled for ${type}`);
    return column;
  };
}

function missingColumn(type: FieldType): Read<Column> {
  switch (type) {
    case 'number':
    case 'time': {
      const values = filledFloats(NaN);
      return (block) => ({ type, values: values(block) });
    }
    case 'boolean': {
      const values = filledBytes(0);
      return (block) => ({ type, values: values(block) });
    }
    case 'string': {
      const codes = filledInts(-1);
      const dict = createStringDict();
      return (block) => ({ type, codes: codes(block), dict });
    }
  }
}
