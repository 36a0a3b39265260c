/**
 * Test support: a small resumable parser of `ts,key,value` CSV (epoch ms, a
 * string, a number) with real resume points, standing in for the streaming
 * parsers (createRowParser) in worker tests about reading, pacing and time
 * travel. A row whose value is not a number is a bad row.
 */
import { createStringDict, internString, newColumns, type RowBlock, type StringDict } from '../../engine/batch';
import type { EventTimeRange } from '../../model';
import type { FileLayout, FilePosition, RowParser } from '../../engine/sources/file/stream/types';

export const LINE_LAYOUT: FileLayout = {
  format: 'csv', delimiter: ',', eventTime: 'ts', timeFormat: 'epochMillis',
  fields: [{ name: 'ts', type: 'time' }, { name: 'key', type: 'string' }, { name: 'value', type: 'number' }],
  dataStart: { offset: 'ts,key,value\n'.length, line: 2 },
};

interface Row {
  readonly ts: number;
  readonly key: string;
  readonly value: number;
  /** Where the row after this one starts. */
  readonly after: FilePosition;
}

export function lineParser(_layout: FileLayout, _options: { readonly timeRange?: EventTimeRange }, from: FilePosition): RowParser {
  const decoder = new TextDecoder();
  const dict: StringDict = createStringDict();
  let carry = '';
  let offset = from.offset;
  let line = from.line;
  let ended = false;
  let rows: Row[] = [];
  let taken = 0;
  let bytesRead = from.offset;
  let good = 0;
  const errors = { first: [] as { line: number; message: string }[], count: 0 };
  let resume: FilePosition = from;

  const parseLine = (text: string): void => {
    const bytes = new TextEncoder().encode(text).length + 1;
    const [ts, key, value] = text.split(',');
    const here = line;
    offset += bytes;
    line++;
    if (text === '') return;
    const v = Number(value);
    if (ts === undefined || key === undefined || value === undefined || value === '' || !Number.isFinite(v)) {
      errors.count++;
      if (errors.first.length < 100) errors.first.push({ line: here, message: `value '${value ?? ''}' is not a number` });
      return;
    }
    good++;
    rows.push({ ts: Number(ts), key, value: v, after: { offset, line } });
  };

  return {
    push(chunk) {
      bytesRead += chunk.length;
      const text = carry + decoder.decode(chunk, { stream: true });
      const parts = text.split('\n');
      carry = parts.pop()!;
      for (const part of parts) parseLine(part);
    },
    end() {
      carry += decoder.decode();
      if (carry !== '') parseLine(carry);
      carry = '';
      ended = true;
    },
    get buffered() { return rows.length - taken; },
    get ended() { return ended; },
    take(maxRows) {
      const n = Math.min(maxRows, rows.length - taken);
      const time = new Float64Array(n);
      const value = new Float64Array(n);
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const r = rows[taken + i]!;
        time[i] = r.ts;
        value[i] = r.value;
        codes[i] = internString(dict, r.key);
      }
      if (n > 0) resume = rows[taken + n - 1]!.after;
      taken += n;
      if (taken === rows.length) {
        rows = [];
        taken = 0;
      }
      const columns = newColumns();
      columns.ts = { type: 'time', values: time.slice() };
      columns.key = { type: 'string', codes, dict };
      columns.value = { type: 'number', values: value };
      const block: RowBlock = { length: n, time, columns };
      return block;
    },
    resumePoint: () => resume,
    get progress() { return { bytesRead, totalBytes: null, rows: good, badRows: errors.count, done: ended }; },
    errors,
  };
}
