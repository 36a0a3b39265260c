/**
 * The string built-ins: lower, upper, len, contains, startsWith. Each
 * computes once per dictionary entry when one argument is a column and the
 * rest constant, which is the usual shape (`contains(device, "ac")`).
 */
import { createStringDict } from '../batch';
import { byteBuffer, floatBuffer, runOf, stringsOf } from './columns';
import { constantColumns } from './constants';
import { mapStrings } from './stringOps';
import { characterCount, codeTable, lookupBytes, lookupFloats } from './strings';
import type { Part, Run } from './types';

/** lower(s) or upper(s) into a dictionary owned by this call node. */
export function changeCase(upper: boolean): (args: readonly Part[]) => Run {
  return ([text]) => mapStrings(argument(text), createStringDict(), upper ? (s) => s.toUpperCase() : (s) => s.toLowerCase());
}

/** len(s) in characters. */
export function stringLength([text]: readonly Part[]): Run {
  const read = stringsOf(runOf(argument(text)));
  const table = codeTable(characterCount);
  const buffer = floatBuffer();
  return (block) => {
    const column = read(block);
    const values = buffer(block.length);
    lookupFloats(column.codes, table(column.dict), values, block.length, NaN);
    return { type: 'number', values };
  };
}

/** contains(s, sub) or startsWith(s, prefix); false where either string is missing. */
export function stringTest(prefixOnly: boolean): (args: readonly Part[]) => Run {
  const test = prefixOnly ? (s: string, t: string) => s.startsWith(t) : (s: string, t: string) => s.includes(t);
  return ([first, second]) => {
    const text = argument(first);
    const probe = argument(second);
    if (probe.kind === 'const') {
      const value = probe.value;
      return typeof value === 'string' ? perCode(text, (s) => test(s, value)) : constantColumns('boolean', false, false);
    }
    if (text.kind === 'const') {
      const value = text.value;
      return typeof value === 'string' ? perCode(probe, (t) => test(value, t)) : constantColumns('boolean', false, false);
    }
    return perRow(text, probe, prefixOnly);
  };
}

function perCode(part: Part, test: (value: string) => boolean): Run {
  const read = stringsOf(runOf(part));
  const table = codeTable((value) => (test(value) ? 1 : 0));
  const buffer = byteBuffer();
  return (block) => {
    const column = read(block);
    const values = buffer(block.length);
    lookupBytes(column.codes, table(column.dict), values, block.length);
    return { type: 'boolean', values };
  };
}

function perRow(text: Part, probe: Part, prefixOnly: boolean): Run {
  const readText = stringsOf(runOf(text));
  const readProbe = stringsOf(runOf(probe));
  const buffer = byteBuffer();
  return (block) => {
    const a = readText(block);
    const b = readProbe(block);
    const n = block.length;
    const out = buffer(n);
    const va = a.dict.values;
    const vb = b.dict.values;
    // Two loops rather than a test function, to keep calls out of the row loop.
    if (prefixOnly) {
      for (let i = 0; i < n; i++) {
        const x = a.codes[i]!;
        const y = b.codes[i]!;
        out[i] = x >= 0 && y >= 0 && va[x]!.startsWith(vb[y]!) ? 1 : 0;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const x = a.codes[i]!;
        const y = b.codes[i]!;
        out[i] = x >= 0 && y >= 0 && va[x]!.includes(vb[y]!) ? 1 : 0;
      }
    }
    return { type: 'boolean', values: out };
  };
}

function argument(part: Part | undefined): Part {
  if (part === undefined) throw new Error('the checker let a string function through with too few arguments');
  return part;
}
