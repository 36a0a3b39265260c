/**
 * `c ? a : b` and coalesce(a, b, ...): both pick, row by row, among
 * columns of one type. Strings from different dictionaries are re-coded
 * into a dictionary owned by the node, so the result is one column.
 */
import { createStringDict, type FieldType } from '../batch';
import { bytesOf, byteBuffer, floatBuffer, floatsOf, intBuffer, numberColumn } from './columns';
import { codesIn } from './strings';
import type { Part, Run } from './types';

/** Both branches are evaluated for the whole block; the test picks per row. */
export function conditional(test: Part, consequent: Part, alternate: Part, type: FieldType): Run {
  const readTest = bytesOf(test);
  switch (type) {
    case 'number':
    case 'time': {
      const readA = floatsOf(consequent);
      const readB = floatsOf(alternate);
      const buffer = floatBuffer();
      return (block) => {
        const n = block.length;
        const out = buffer(n);
        pick(readTest(block), readA(block), readB(block), out, n);
        return numberColumn(type, out);
      };
    }
    case 'boolean': {
      const readA = bytesOf(consequent);
      const readB = bytesOf(alternate);
      const buffer = byteBuffer();
      return (block) => {
        const n = block.length;
        const out = buffer(n);
        pick(readTest(block), readA(block), readB(block), out, n);
        return { type, values: out };
      };
    }
    case 'string': {
      const dict = createStringDict();
      const readA = codesIn(consequent, dict);
      const readB = codesIn(alternate, dict);
      const buffer = intBuffer();
      return (block) => {
        const n = block.length;
        const out = buffer(n);
        pick(readTest(block), readA(block), readB(block), out, n);
        return { type, codes: out, dict };
      };
    }
  }
}

type Values = Float64Array | Uint8Array | Int32Array;

/** Shared by three array types: few enough for V8 to keep the element access polymorphic, not megamorphic. */
function pick<T extends Values>(test: Uint8Array, a: T, b: T, out: T, n: number): void {
  for (let i = 0; i < n; i++) out[i] = test[i] === 1 ? a[i]! : b[i]!;
}

/** The first argument that is not missing, per row. A `null` literal never is, so it is dropped. */
export function coalesce(args: readonly Part[], type: FieldType): Run {
  const present = args.filter((part) => part.type !== 'null');
  switch (type) {
    case 'number':
    case 'time': {
      const reads = present.map(floatsOf);
      const buffer = floatBuffer();
      return (block) => {
        const n = block.length;
        const out = buffer(n);
        reads.forEach((read, k) => {
          const next = read(block);
          if (k === 0) out.set(next);
          // x !== x only for NaN, the missing number.
          else for (let i = 0; i < n; i++) if (out[i] !== out[i]) out[i] = next[i]!;
        });
        return numberColumn(type, out);
      };
    }
    case 'string': {
      const dict = createStringDict();
      const reads = present.map((part) => codesIn(part, dict));
      const buffer = intBuffer();
      return (block) => {
        const n = block.length;
        const out = buffer(n);
        reads.forEach((read, k) => {
          const next = read(block);
          if (k === 0) out.set(next);
          else for (let i = 0; i < n; i++) if (out[i]! < 0) out[i] = next[i]!;
        });
        return { type, codes: out, dict };
      };
    }
    case 'boolean': {
      // A boolean is never missing (a missing cell reads as false), so the first one wins.
      const first = present[0];
      if (first === undefined) throw new Error('the checker let coalesce() through without a typed argument');
      const read = bytesOf(first);
      return (block) => ({ type, values: read(block) });
    }
  }
}
