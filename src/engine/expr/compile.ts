/**
 * Typed tree to vectorized runs. Each node becomes one closure over a whole
 * block; subtrees without fields are evaluated once, here, and become
 * constants (folding by running the very same loops on a one-row block, so
 * folded and unfolded results cannot disagree).
 */
import { createStringDict, readCell, type Column, type FieldType, type RowBlock } from '../batch';
import { compileBinary } from './binary';
import { bytesOf, byteBuffer, fieldReader, floatBuffer, floatsOf } from './columns';
import { constantColumns } from './constants';
import { NUMERIC_UNARY, notBytes } from './kernels';
import { comparisonRange, scaledBy } from './ranges';
import { conditional } from './select';
import { codesIn } from './strings';
import type { Part, Range, Run, Typed } from './types';

const ONE_ROW: RowBlock = { length: 1, time: new Float64Array(1), columns: {} };

/** Compiles a typed node to a constant or a run. */
function compilePart(node: Typed): Part {
  switch (node.kind) {
    case 'const':
      return { kind: 'const', type: node.type, value: node.value };
    case 'field':
      return { kind: 'run', type: node.type, run: fieldReader(node.name, node.type) };
    default: {
      const parts = childrenOf(node).map(compilePart);
      if (parts.some((part) => part.kind === 'run')) {
        const run = build(node, parts);
        const range = node.kind === 'binary' ? comparisonRange(node.operator, need(parts[0]), need(parts[1])) : undefined;
        if (range !== undefined) return { kind: 'run', type: node.type, run, range };
        const scaled = node.kind === 'binary' ? scaledBy(node.operator, need(parts[0]), need(parts[1])) : undefined;
        return scaled === undefined ? { kind: 'run', type: node.type, run } : { kind: 'run', type: node.type, run, scaled };
      }
      // Operations assume at least one run, so folding hands them constants as columns.
      const column = build(node, parts.map(asRun))(ONE_ROW);
      return { kind: 'const', type: node.type, value: readCell(column, 0) };
    }
  }
}

function childrenOf(node: Typed): readonly Typed[] {
  switch (node.kind) {
    case 'const':
    case 'field':
      return [];
    case 'negate':
    case 'not':
      return [node.argument];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.consequent, node.alternate];
    case 'call':
      return node.args;
  }
}

function build(node: Typed, parts: readonly Part[]): Run {
  const [first, second, third] = parts;
  switch (node.kind) {
    case 'negate': {
      const read = floatsOf(need(first));
      const buffer = floatBuffer();
      return (block) => {
        const values = buffer(block.length);
        NUMERIC_UNARY.negate(read(block), values, block.length);
        return { type: 'number', values };
      };
    }
    case 'not': {
      const read = bytesOf(need(first));
      const buffer = byteBuffer();
      return (block) => {
        const values = buffer(block.length);
        notBytes(read(block), values, block.length);
        return { type: 'boolean', values };
      };
    }
    case 'binary':
      return compileBinary(node.operator, need(first), need(second), node.type);
    case 'conditional':
      return conditional(need(first), need(second), need(third), node.type);
    case 'call':
      return node.fn.compile(parts, node.type);
    case 'const':
    case 'field':
      throw new Error(`a ${node.kind} has no operation to build`);
  }
}

/** A typed constant as a run; the untyped `null` literal stays a constant for `?:` and coalesce() to place. */
function asRun(part: Part): Part {
  if (part.kind === 'run' || part.type === 'null') return part;
  return { kind: 'run', type: part.type, run: constantColumns(part.type, part.value, false) };
}

/** What compiling the root gives besides the owning run. */
export interface RootCompilation {
  /**
   * The compiled expression's result: fresh arrays on every call, which the
   * caller owns (a map node may transfer them to another thread). A string
   * result is always coded in a dictionary of the expression's own; a bare
   * field is re-coded.
   */
  readonly run: Run;
  /** The same values in arrays the next call may overwrite: for a caller that uses them at once (a filter's mask). */
  readonly shared: Run;
  /** When the expression is a numeric comparison with a constant: the range it accepts, so a filter can select rows without a mask. */
  readonly range: Range | undefined;
}

/** Compiles the root once for the owning run, a shared-buffer run and the root's range. */
export function compileRootParts(typed: Typed, type: FieldType): RootCompilation {
  const part = compilePart(typed);
  if (part.kind === 'const') {
    const run = constantColumns(type, part.value, true);
    return { run, shared: run, range: undefined };
  }
  if (type === 'string' && typed.kind === 'field') {
    const dict = createStringDict();
    const codes = codesIn(part, dict);
    const run: Run = (block) => ({ type, codes: codes(block).slice(), dict });
    return { run, shared: run, range: undefined };
  }
  const shared = part.run;
  return { run: (block) => copy(shared(block)), shared, range: part.range };
}

function copy(column: Column): Column {
  switch (column.type) {
    case 'number':
    case 'time':
      return { type: column.type, values: column.values.slice() };
    case 'boolean':
      return { type: 'boolean', values: column.values.slice() };
    case 'string':
      return { type: 'string', codes: column.codes.slice(), dict: column.dict };
  }
}

function need(part: Part | undefined): Part {
  if (part === undefined) throw new Error('an operation got fewer operands than the checker gave it');
  return part;
}
