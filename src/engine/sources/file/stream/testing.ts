/** Helpers of the parser's tests: parsing bytes in given cuts and takes, and rows as plain values. */
import { readCell, type RowBlock } from '../../../batch';
import type { RowErrorLog } from '../types';
import { createRowParser } from './index';
import type { FileBytes, FileLayout, FilePosition } from './types';

export interface Parsed {
  readonly rows: Record<string, unknown>[];
  /** Per string field: its dictionary's values at the end. */
  readonly dicts: Record<string, string[]>;
  readonly errors: RowErrorLog;
}

/** Rows of a block as plain records (readCell), string cells also with their codes. */
export function recordsOf(block: RowBlock, codes = false): Record<string, unknown>[] {
  return Array.from({ length: block.length }, (_, r) =>
    Object.fromEntries(
      Object.entries(block.columns).map(([name, c]) => [name, codes && c.type === 'string' ? [readCell(c, r), c.codes[r]] : readCell(c, r)]),
    ),
  );
}

/**
 * Feeds `bytes` (the whole file) from `from` in pieces ending at `cuts`
 * (offsets into the file), taking `takes` rows (cycled) after each piece
 * and everything at the end.
 */
export function parseInPieces(layout: FileLayout, bytes: Uint8Array, from: FilePosition, cuts: readonly number[], takes: readonly number[] = [Infinity]): Parsed {
  const parser = createRowParser(layout, {}, from);
  const rows: Record<string, unknown>[] = [];
  const dicts: Record<string, string[]> = {};
  const collect = (block: RowBlock): void => {
    rows.push(...recordsOf(block, true));
    for (const [name, c] of Object.entries(block.columns)) if (c.type === 'string') dicts[name] = c.dict.values;
  };
  let at = from.offset;
  let t = 0;
  const points = [...cuts.filter((c) => c > from.offset && c < bytes.length)].sort((a, b) => a - b);
  for (const cut of [...points, bytes.length]) {
    parser.push(bytes.subarray(at, cut));
    at = cut;
    collect(parser.take(takes[t++ % takes.length]!));
  }
  parser.end();
  collect(parser.take(Infinity));
  if (parser.buffered !== 0) throw new Error('rows left after taking all');
  for (const [name, values] of Object.entries(dicts)) dicts[name] = [...values];
  return { rows, dicts, errors: { first: [...parser.errors.first], count: parser.errors.count } };
}

/**
 * `bytes` with a `readReused` as hostile as the contract allows: every chunk
 * is copied into one shared buffer, and when the next chunk is asked for the
 * buffer is first filled with garbage (`~` bytes, which are no digit,
 * delimiter, quote or line break). A reader that kept a view of an old chunk
 * sees the garbage.
 */
export function reusingBytes(bytes: FileBytes): FileBytes {
  return {
    ...bytes,
    async *readReused(offset: number): AsyncIterable<Uint8Array> {
      let shared = new Uint8Array(0);
      for await (const chunk of bytes.read(offset)) {
        shared.fill(0x7e);
        if (shared.length < chunk.length) shared = new Uint8Array(chunk.length);
        shared.set(chunk);
        yield shared.subarray(0, chunk.length);
      }
      shared.fill(0x7e);
    },
  };
}
