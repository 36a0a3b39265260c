/**
 * String comparisons and `+` on strings. With one column and a constant,
 * each is a per-code table or a single dictionary lookup (O(dictionary)
 * string work); with two columns, a per-row loop over the dictionaries'
 * values, which allocates nothing except where `+` meets a pair of strings
 * for the first time.
 */
import { createStringDict, internString, type StringDict } from '../batch';
import type { ComparisonOperator } from './ast';
import { byteBuffer, intBuffer, runOf, stringsOf } from './columns';
import { constantColumns } from './constants';
import { MIRROR } from './kernels';
import { codeTable, codesIn, lookupBytes, lookupCodes } from './strings';
import type { Part, Run, Scalar } from './types';

/** Which outcomes of an ordering (less, equal, greater) make each comparison true. */
const ACCEPT: Readonly<Record<ComparisonOperator, readonly [number, number, number]>> = {
  '==': [0, 1, 0],
  '!=': [1, 0, 1],
  '<': [1, 0, 0],
  '<=': [1, 1, 0],
  '>': [0, 0, 1],
  '>=': [0, 1, 1],
};

/** Compares strings by UTF-16 code units (JS order); a missing side makes the comparison false. */
export function compareStrings(operator: ComparisonOperator, left: Part, right: Part): Run {
  if (left.kind === 'const') return compareWithConstant(MIRROR[operator], right, left.value);
  if (right.kind === 'const') return compareWithConstant(operator, left, right.value);
  const readLeft = stringsOf(left);
  const readRight = stringsOf(right);
  const accept = Uint8Array.from(ACCEPT[operator]);
  const byCode = operator === '==' || operator === '!=';
  const flip = operator === '!=' ? 1 : 0;
  const buffer = byteBuffer();
  return (block) => {
    const a = readLeft(block);
    const b = readRight(block);
    const n = block.length;
    const out = buffer(n);
    const ca = a.codes;
    const cb = b.codes;
    if (byCode && a.dict === b.dict) {
      for (let i = 0; i < n; i++) {
        const x = ca[i]!;
        const y = cb[i]!;
        out[i] = x < 0 || y < 0 ? 0 : (x === y ? 1 : 0) ^ flip;
      }
    } else {
      const va = a.dict.values;
      const vb = b.dict.values;
      for (let i = 0; i < n; i++) {
        const x = ca[i]!;
        const y = cb[i]!;
        if (x < 0 || y < 0) out[i] = 0;
        else {
          const s = va[x]!;
          const t = vb[y]!;
          out[i] = accept[s < t ? 0 : s > t ? 2 : 1]!;
        }
      }
    }
    return { type: 'boolean', values: out };
  };
}

function compareWithConstant(operator: ComparisonOperator, part: Part, value: Scalar): Run {
  if (typeof value !== 'string') return constantColumns('boolean', false, false);
  const read = stringsOf(runOf(part));
  const buffer = byteBuffer();
  if (operator === '==' || operator === '!=') {
    const equal = operator === '==';
    // One Map lookup per block: the constant may join the dictionary later.
    return (block) => {
      const { codes, dict } = read(block);
      const target = dict.index.get(value) ?? -2;
      const n = block.length;
      const out = buffer(n);
      if (equal) for (let i = 0; i < n; i++) out[i] = codes[i] === target ? 1 : 0;
      else for (let i = 0; i < n; i++) out[i] = codes[i]! >= 0 && codes[i] !== target ? 1 : 0;
      return { type: 'boolean', values: out };
    };
  }
  const accept = ACCEPT[operator];
  const table = codeTable((s) => accept[s < value ? 0 : s > value ? 2 : 1]);
  return (block) => {
    const { codes, dict } = read(block);
    const out = buffer(block.length);
    lookupBytes(codes, table(dict), out, block.length);
    return { type: 'boolean', values: out };
  };
}

/** `a + b` on strings; the result lives in a dictionary owned by this node. */
export function concatenate(left: Part, right: Part): Run {
  const out = createStringDict();
  if (left.kind === 'const') {
    const prefix = left.value;
    return typeof prefix === 'string' ? mapStrings(right, out, (s) => prefix + s) : constantColumns('string', null, false);
  }
  if (right.kind === 'const') {
    const suffix = right.value;
    return typeof suffix === 'string' ? mapStrings(left, out, (s) => s + suffix) : constantColumns('string', null, false);
  }
  // Both sides re-coded into one dictionary of our own, so the pair memo survives any input dictionary.
  const inputs = createStringDict();
  const readLeft = codesIn(left, inputs);
  const readRight = codesIn(right, inputs);
  const memo = new Map<number, Map<number, number>>();
  const buffer = intBuffer();
  return (block) => {
    const a = readLeft(block);
    const b = readRight(block);
    const n = block.length;
    const codes = buffer(n);
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x < 0 || y < 0) {
        codes[i] = -1;
        continue;
      }
      let row = memo.get(x);
      if (row === undefined) memo.set(x, (row = new Map()));
      let code = row.get(y);
      if (code === undefined) row.set(y, (code = internString(out, inputs.values[x]! + inputs.values[y]!)));
      codes[i] = code;
    }
    return { type: 'string', codes, dict: out };
  };
}

/** A string-to-string function of one column, computed once per dictionary entry. */
export function mapStrings(part: Part, out: StringDict, map: (value: string) => string): Run {
  const read = stringsOf(runOf(part));
  const table = codeTable((value) => internString(out, map(value)));
  const buffer = intBuffer();
  return (block) => {
    const column = read(block);
    const codes = buffer(block.length);
    lookupCodes(column.codes, table(column.dict), codes, block.length);
    return { type: 'string', codes, dict: out };
  };
}
