/**
 * NDJSON lines straight from columnar batches: each line is byte-identical
 * to `JSON.stringify` of the row `batchToRows` makes (and, with several
 * sinks, of `{ sink, ...row }`), without making that row, and written as
 * bytes: strings made per value and then encoded cost more than the run.
 */
import type { Batch, Column, StringDict } from '../../src/engine/batch';
import { GrowingBytes, type ByteSink } from './byteSink';
import { jsonString } from './jsonText';
import { MAX_NUMBER_BYTES, writeJsonNumber } from './numberBytes';

/** One value of a line: a constant literal (the sink's id) or a column's cell. */
type Part = { readonly key: string; readonly literal: string } | { readonly key: string; readonly column: Column | undefined };

/**
 * The keys of a line in the order `JSON.stringify` prints them. Building the
 * object the CLI used to build (`{ sink, ...row }`) with placeholder values
 * gives the order for free, including integer-like names (which objects list
 * first) and a field that is itself called `sink` (the row's value wins).
 */
function lineParts(batch: Batch, sinkId: string | null): Part[] {
  const names = Object.keys(batch.columns);
  if (sinkId === null) return names.map((name) => ({ key: jsonString(name), column: batch.columns[name] }));
  const shape: Record<string, null> = { sink: null };
  for (const name of names) Object.defineProperty(shape, name, { value: null, enumerable: true, writable: true, configurable: true });
  return Object.keys(shape).map((name) => (Object.hasOwn(batch.columns, name)
    ? { key: jsonString(name), column: batch.columns[name] }
    : { key: jsonString(name), literal: jsonString(sinkId) }));
}

const utf8 = new TextEncoder();
const NULL = utf8.encode('null');
const TRUE = utf8.encode('true');
const FALSE = utf8.encode('false');

/** A dictionary's JSON literals as UTF-8, made once per code, and the longest of them. */
interface DictBytes { readonly literals: Uint8Array[]; longest: number }

/** Copies `from` into `bytes` at `at`; returns the position after it. Short literals by hand: `set` costs more for them. */
function put(bytes: Uint8Array, at: number, from: Uint8Array): number {
  const n = from.length;
  if (n > 16) { bytes.set(from, at); return at + n; }
  for (let i = 0; i < n; i++) bytes[at + i] = from[i]!;
  return at + n;
}

/** Encodes batches as NDJSON; `sinkId` (several sinks) puts `"sink":"<id>"` in every line. */
export class NdjsonEncoder {
  /** Result columns repeat the same keys, so each is escaped once. A dictionary only grows and never renumbers, so this only grows too. */
  private readonly dicts = new WeakMap<StringDict, DictBytes>();

  private dictBytes(dict: StringDict): DictBytes {
    let cache = this.dicts.get(dict);
    if (cache === undefined) {
      cache = { literals: [], longest: NULL.length };
      this.dicts.set(dict, cache);
    }
    for (let code = cache.literals.length; code < dict.values.length; code++) {
      const literal = utf8.encode(jsonString(dict.values[code]!));
      cache.literals.push(literal);
      if (literal.length > cache.longest) cache.longest = literal.length;
    }
    return cache;
  }

  /** The lines of `batch`, each ending in a line break, as text. */
  encode(batch: Batch, sinkId: string | null): string {
    const sink = new GrowingBytes();
    this.encodeInto(batch, sinkId, sink);
    return sink.text();
  }

  /** Writes the lines of `batch` into `out`. */
  encodeInto(batch: Batch, sinkId: string | null, out: ByteSink): void {
    const parts = lineParts(batch, sinkId);
    const count = parts.length;
    if (count === 0) {
      for (let i = 0; i < batch.length; i++) {
        out.room(3);
        const bytes = out.bytes;
        bytes[out.at] = 123; bytes[out.at + 1] = 125; bytes[out.at + 2] = 10;
        out.at += 3;
      }
      return;
    }
    // Per column, what a row reads: resolved once per batch so the row loop only indexes arrays.
    const prefixes: Uint8Array[] = [];
    const kinds = new Uint8Array(count); // 0 literal, 1 number, 2 string, 3 boolean
    const numbers: (Float64Array | null)[] = [];
    const codes: (Int32Array | null)[] = [];
    const texts: (Uint8Array[] | null)[] = [];
    const flags: (Uint8Array | null)[] = [];
    const literals: Uint8Array[] = [];
    let widest = 2; // '}' and the line break
    for (let c = 0; c < count; c++) {
      const part = parts[c]!;
      const prefix = utf8.encode(`${c === 0 ? '{' : ','}${part.key}:`);
      prefixes.push(prefix);
      widest += prefix.length;
      numbers.push(null); codes.push(null); texts.push(null); flags.push(null); literals.push(NULL);
      if ('literal' in part) { literals[c] = utf8.encode(part.literal); widest += literals[c]!.length; continue; }
      const column = part.column;
      if (column === undefined) { widest += NULL.length; continue; }
      if (column.type === 'string') {
        const dict = this.dictBytes(column.dict);
        kinds[c] = 2; codes[c] = column.codes; texts[c] = dict.literals; widest += dict.longest;
      } else if (column.type === 'boolean') { kinds[c] = 3; flags[c] = column.values; widest += FALSE.length; }
      else { kinds[c] = 1; numbers[c] = column.values; widest += MAX_NUMBER_BYTES; }
    }
    // The last number each column printed, and its bytes: window bounds repeat row after row.
    const lastValue = new Float64Array(count).fill(NaN);
    const lastBytes = new Uint8Array(count * MAX_NUMBER_BYTES);
    const lastLength = new Int32Array(count);
    for (let i = 0; i < batch.length; i++) {
      out.room(widest);
      const bytes = out.bytes;
      let at = out.at;
      for (let c = 0; c < count; c++) {
        at = put(bytes, at, prefixes[c]!);
        switch (kinds[c]) {
          case 1: {
            const value = numbers[c]![i]!;
            const from = c * MAX_NUMBER_BYTES;
            if (value === lastValue[c]) { // never NaN; 0 and -0 both print 0
              const n = lastLength[c]!;
              for (let k = 0; k < n; k++) bytes[at + k] = lastBytes[from + k]!;
              at += n;
            } else {
              const end = writeJsonNumber(bytes, at, value);
              for (let k = at; k < end; k++) lastBytes[from + k - at] = bytes[k]!;
              lastValue[c] = value;
              lastLength[c] = end - at;
              at = end;
            }
            break;
          }
          case 2: { const code = codes[c]![i]!; at = put(bytes, at, code < 0 ? NULL : texts[c]![code]!); break; }
          case 3: at = put(bytes, at, flags[c]![i] === 1 ? TRUE : FALSE); break;
          default: at = put(bytes, at, literals[c]!);
        }
      }
      bytes[at] = 125; bytes[at + 1] = 10;
      out.at = at + 2;
    }
  }
}
