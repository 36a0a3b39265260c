/**
 * Turning the generator's columnar blocks into message text: one JSON object
 * per event, times as epoch ms, fields in the stream's order.
 */
import type { Column, Field, RowBlock, StringDict } from '../src/engine/batch';
import type { ServerMessageFormat } from './streamParams';

/** Encodes the rows of blocks of one stream; string values are JSON-escaped once per dictionary code. */
export interface EventEncoder {
  /** The JSON text of each row of `block`. */
  lines(block: RowBlock): string[];
}

/** Creates an encoder for `fields` (the stream's, `ts` first). */
export function createEventEncoder(fields: readonly Field[]): EventEncoder {
  const keys = fields.map((f) => `${JSON.stringify(f.name)}:`);
  const encoded = new Map<StringDict, string[]>();
  const text = (column: Extract<Column, { type: 'string' }>, code: number): string => {
    if (code < 0) return 'null';
    let cache = encoded.get(column.dict);
    if (cache === undefined) encoded.set(column.dict, (cache = []));
    return (cache[code] ??= JSON.stringify(column.dict.values[code]));
  };
  return {
    lines(block: RowBlock): string[] {
      const out = new Array<string>(block.length);
      const columns = fields.map((f) => block.columns[f.name]);
      for (let r = 0; r < block.length; r++) {
        let line = '{';
        for (let c = 0; c < fields.length; c++) {
          const column = columns[c];
          let value = 'null';
          if (column?.type === 'string') value = text(column, column.codes[r]!);
          else if (column?.type === 'boolean') value = column.values[r] === 1 ? 'true' : 'false';
          else if (column !== undefined) {
            const n = column.values[r]!;
            value = Number.isFinite(n) ? String(n) : 'null';
          }
          line += (c === 0 ? '' : ',') + keys[c] + value;
        }
        out[r] = `${line}}`;
      }
      return out;
    },
  };
}

/** One message holding `lines`: NDJSON lines, or a JSON array. */
export function joinMessage(lines: readonly string[], format: ServerMessageFormat): string {
  return format === 'ndjson' ? lines.join('\n') : `[${lines.join(',')}]`;
}

/**
 * An unparseable message for the `corrupt` test feature: the first event cut
 * in half. It is a single line, so a reader that falls back to NDJSON cannot
 * recover a whole event from it (which would duplicate one).
 */
export function corruptMessage(lines: readonly string[]): string {
  const first = lines[0] ?? '{"ts":';
  return first.slice(0, Math.max(1, first.length >> 1));
}
