/**
 * CSV from columnar batches: a header row, then one line per row with the
 * sinks' declared fields in order. Quoting follows RFC 4180 (a field with a
 * comma, quote, CR or LF is quoted, quotes doubled); numbers and times are
 * written as NDJSON writes them (times as epoch milliseconds); a missing value
 * is an empty field, an empty string is `""` so readers can tell them apart.
 */
import { columnOf, type Batch, type Field } from '../../src/engine/batch';
import { DictLiterals, numberText } from './jsonText';

const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

/** `text` as one CSV field. Leading or trailing blanks are quoted too, as some readers trim unquoted ones. */
export function csvField(text: string): string {
  if (text === '') return '""';
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvNumber(value: number): string {
  return value - value === 0 ? numberText(value) : '';
}

/** Encodes batches as CSV lines for one set of fields; `withSink` adds a first column `sink`. */
export class CsvEncoder {
  private readonly literals = new DictLiterals();

  constructor(private readonly fields: readonly Field[], private readonly withSink: boolean) {}

  /** The header line. */
  header(): string {
    const names = this.fields.map((f) => csvField(f.name));
    const all = this.withSink ? ['sink', ...names] : names;
    // No results at all (a document without sinks) is an empty file, not one blank line.
    return all.length === 0 ? '' : `${all.join(',')}\n`;
  }

  /** The lines of `batch`, each ending in a line break. */
  encode(batch: Batch, sinkId: string): string {
    const count = this.fields.length;
    const kinds = new Uint8Array(count); // 1 number, 2 string, 3 boolean, 4 absent
    const numbers: (Float64Array | null)[] = [];
    const codes: (Int32Array | null)[] = [];
    const texts: (readonly string[] | null)[] = [];
    const flags: (Uint8Array | null)[] = [];
    for (let c = 0; c < count; c++) {
      const column = columnOf(batch.columns, this.fields[c]!.name);
      numbers.push(null); codes.push(null); texts.push(null); flags.push(null);
      if (column === undefined) kinds[c] = 4;
      else if (column.type === 'string') { kinds[c] = 2; codes[c] = column.codes; texts[c] = this.literals.of(column.dict, csvField); }
      else if (column.type === 'boolean') { kinds[c] = 3; flags[c] = column.values; }
      else { kinds[c] = 1; numbers[c] = column.values; }
    }
    const lead = this.withSink ? `${csvField(sinkId)},` : '';
    let out = '';
    for (let i = 0; i < batch.length; i++) {
      let line = lead;
      for (let c = 0; c < count; c++) {
        if (c > 0) line += ',';
        switch (kinds[c]) {
          case 1: line += csvNumber(numbers[c]![i]!); break;
          case 2: { const code = codes[c]![i]!; if (code >= 0) line += texts[c]![code]!; break; }
          case 3: line += flags[c]![i] === 1 ? 'true' : 'false'; break;
          default: break;
        }
      }
      out += `${line}\n`;
    }
    return out;
  }
}
