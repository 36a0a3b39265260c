/**
 * Test support: a RowParser that buffers its whole input and parses it at
 * `end()` with parseFileSource, and the layout that goes with it. It stands
 * in for the streaming parsers where a test is about the source, not parsing.
 */
import { sliceRowBlock } from '../../../batchOps';
import type { RowBlock } from '../../../batch';
import type { EventTimeRange } from '../../../../model';
import { parseFileSource } from '../index';
import type { FileFormat } from '../types';
import type { FileLayout, FilePosition, RowParser } from './types';

export function wholeTextLayout(text: string, format: FileFormat, eventTime: string): FileLayout {
  const parsed = parseFileSource(text, { format, eventTime, timeFormat: 'auto' });
  if (!parsed.ok) throw new Error(parsed.message);
  return { format, delimiter: ',', fields: parsed.fields, eventTime, timeFormat: 'epochMillis', dataStart: { offset: 0, line: 1 } };
}

/** Has createRowParser's signature, so a test may mock that with it. */
export function wholeTextParser(layout: FileLayout, options: { readonly timeRange?: EventTimeRange }, from: FilePosition): RowParser {
  const timeRange = options.timeRange;
  if (from.offset !== 0) throw new Error('the whole-text parser reads from the start only');
  const chunks: Uint8Array[] = [];
  let block: RowBlock | null = null;
  let cursor = 0;
  let size = 0;
  const errors = { first: [] as { line: number; message: string }[], count: 0 };
  return {
    push(bytes) {
      chunks.push(bytes.slice());
      size += bytes.length;
    },
    end() {
      const all = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.length;
      }
      const parsed = parseFileSource(new TextDecoder().decode(all), { format: layout.format === 'parquet' ? 'csv' : layout.format, eventTime: layout.eventTime, timeFormat: layout.timeFormat, ...(timeRange === undefined ? {} : { timeRange }) });
      if (!parsed.ok) throw new Error(parsed.message);
      block = parsed.block;
      errors.first.push(...parsed.rowErrors);
      errors.count = parsed.badRowCount;
    },
    get buffered() {
      return block === null ? 0 : block.length - cursor;
    },
    get ended() {
      return block !== null;
    },
    take(maxRows) {
      if (block === null) throw new Error('nothing to take');
      const to = Math.min(block.length, cursor + maxRows);
      const out = sliceRowBlock(block, cursor, to);
      cursor = to;
      return out;
    },
    resumePoint() {
      if (block === null || cursor === 0) return from;
      if (cursor === block.length) return { offset: size, line: Infinity };
      // Not a point to read again from (snapshots need the real parsers): its line holds back every bad row.
      return { offset: -1, line: 0 };
    },
    get progress() {
      return { bytesRead: size, totalBytes: null, rows: block?.length ?? 0, badRows: errors.count, done: block !== null };
    },
    errors,
  };
}
