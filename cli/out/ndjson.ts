/**
 * NDJSON lines straight from columnar batches: each line is byte-identical
 * to `JSON.stringify` of the row `batchToRows` makes (and, with several
 * sinks, of `{ sink, ...row }`), without making that row.
 */
import type { Batch, Column } from '../../src/engine/batch';
import { DictLiterals, jsonNumber, jsonString } from './jsonText';

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

/** Encodes batches as NDJSON text; `sinkId` (several sinks) puts `"sink":"<id>"` in every line. */
export class NdjsonEncoder {
  private readonly literals = new DictLiterals();

  /** The lines of `batch`, each ending in a line break. */
  encode(batch: Batch, sinkId: string | null): string {
    const parts = lineParts(batch, sinkId);
    const count = parts.length;
    // Per column, what a row reads: resolved once per batch so the row loop only indexes arrays.
    const prefixes: string[] = [];
    const kinds = new Uint8Array(count); // 0 literal, 1 number, 2 string, 3 boolean, 4 absent
    const numbers: (Float64Array | null)[] = [];
    const codes: (Int32Array | null)[] = [];
    const texts: (readonly string[] | null)[] = [];
    const flags: (Uint8Array | null)[] = [];
    const literals: string[] = [];
    for (let c = 0; c < count; c++) {
      const part = parts[c]!;
      prefixes.push(`${c === 0 ? '{' : ','}${part.key}:`);
      numbers.push(null); codes.push(null); texts.push(null); flags.push(null); literals.push('null');
      if ('literal' in part) { kinds[c] = 0; literals[c] = part.literal; continue; }
      const column = part.column;
      if (column === undefined) { kinds[c] = 4; continue; }
      if (column.type === 'string') { kinds[c] = 2; codes[c] = column.codes; texts[c] = this.literals.of(column.dict, jsonString); }
      else if (column.type === 'boolean') { kinds[c] = 3; flags[c] = column.values; }
      else { kinds[c] = 1; numbers[c] = column.values; }
    }
    const empty = count === 0 ? '{}\n' : '';
    let out = '';
    for (let i = 0; i < batch.length; i++) {
      if (count === 0) { out += empty; continue; }
      let line = '';
      for (let c = 0; c < count; c++) {
        line += prefixes[c]!;
        switch (kinds[c]) {
          case 1: line += jsonNumber(numbers[c]![i]!); break;
          case 2: { const code = codes[c]![i]!; line += code < 0 ? 'null' : texts[c]![code]!; break; }
          case 3: line += flags[c]![i] === 1 ? 'true' : 'false'; break;
          default: line += literals[c]!;
        }
      }
      out += `${line}}\n`;
    }
    return out;
  }
}
