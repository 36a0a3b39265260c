/**
 * Dictionary plumbing for string operations. Codes are stable for the life
 * of a dictionary, so work done for one code (lowercasing, comparing with a
 * constant, re-interning into another dictionary) is memoised by code and a
 * batch costs O(new dictionary entries) string work plus one table lookup
 * per row.
 */
import { internString, type StringDict } from '../batch';
import { filledInts, intBuffer, stringsOf, type Read } from './columns';
import type { Part } from './types';

interface Table {
  values: Float64Array;
  filled: number;
}

/** Memoises `compute` per code of each dictionary it meets; the table grows with the dictionary. */
export function codeTable(compute: (value: string) => number): (dict: StringDict) => Float64Array {
  // Weak: a compiled expression must not keep a finished producer's dictionary alive.
  const tables = new WeakMap<StringDict, Table>();
  return (dict) => {
    const size = dict.values.length;
    let table = tables.get(dict);
    if (table === undefined) {
      table = { values: new Float64Array(Math.max(16, size)), filled: 0 };
      tables.set(dict, table);
    }
    if (table.filled < size) {
      if (table.values.length < size) {
        const grown = new Float64Array(Math.max(size, table.values.length * 2));
        grown.set(table.values.subarray(0, table.filled));
        table.values = grown;
      }
      for (let code = table.filled; code < size; code++) table.values[code] = compute(dict.values[code]!);
      table.filled = size;
    }
    return table.values;
  };
}

/** out[i] = table[code], or `missing` where the string is missing. */
export function lookupFloats(codes: Int32Array, table: Float64Array, out: Float64Array, n: number, missing: number): void {
  for (let i = 0; i < n; i++) {
    const code = codes[i]!;
    out[i] = code < 0 ? missing : table[code]!;
  }
}

/** Like lookupFloats for 0/1 tables; a missing string gives false. */
export function lookupBytes(codes: Int32Array, table: Float64Array, out: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const code = codes[i]!;
    out[i] = code < 0 ? 0 : table[code]!;
  }
}

/** Like lookupFloats for code-to-code tables; a missing string stays missing (-1). */
export function lookupCodes(codes: Int32Array, table: Float64Array, out: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const code = codes[i]!;
    out[i] = code < 0 ? -1 : table[code]!;
  }
}

/**
 * A string part as codes into `target`, a dictionary owned by the compiled
 * expression: how branches of `?:` and arguments of coalesce() from
 * different dictionaries end up in one column.
 */
export function codesIn(part: Part, target: StringDict): Read<Int32Array> {
  if (part.kind === 'const') return filledInts(typeof part.value === 'string' ? internString(target, part.value) : -1);
  const read = stringsOf(part);
  const table = codeTable((value) => internString(target, value));
  const out = intBuffer();
  return (block) => {
    const column = read(block);
    const n = block.length;
    const codes = out(n);
    lookupCodes(column.codes, table(column.dict), codes, n);
    return codes;
  };
}

/** Length in characters (code points), so an emoji counts once. */
export function characterCount(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A low surrogate continues the character its high surrogate started.
    if (unit < 0xdc00 || unit > 0xdfff) count++;
  }
  return count;
}
