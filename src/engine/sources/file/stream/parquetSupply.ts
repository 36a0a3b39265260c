/**
 * Rows of a Parquet file, a row group at a time: each `more()` reads the
 * columns of the next row group (from the resume point on) through
 * `bytes.slice` into typed columns, so memory holds one row group, whatever
 * the file's size. Positions are row indexes; a row's "line" is its index + 1.
 */
import { parquetMetadataAsync, type FileMetaData } from 'hyparquet';
import { createStringDict, internString, newColumns, type Column, type RowBlock, type StringDict } from '../../../batch';
import { sliceRowBlock } from '../../../batchOps';
import { inEventTimeRange, type EventTimeRange } from '../../../../model';
import { eventTimeProblem, outOfRangeProblem, readEventTime } from '../eventTime';
import { createRowErrorLog, logRowError, type RawValue } from '../types';
import { concatRowBlocks } from './concat';
import { readFailed, type OpenFeed, type SupplyFeed } from './feed';
import { asyncBufferOf, PARQUET_PARSERS, readParquetColumns } from './parquet';
import type { FileBytes, FileLayout, FilePosition, RowSupply } from './types';

/** Rows read and waiting: a block and the row index of each of its rows. */
interface Segment {
  readonly block: RowBlock;
  readonly rows: Float64Array;
  cursor: number;
}

function asRaw(v: unknown): RawValue {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return v === null || v === undefined ? null : String(v);
}

function asNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return NaN;
}

/** The Parquet reader as a source's feed; the footer is read once for all feeds. */
export function parquetFeed(bytes: FileBytes, layout: FileLayout, timeRange: EventTimeRange): OpenFeed {
  let footer: Promise<FileMetaData> | null = null;
  return (from: FilePosition, sourceDicts: ReadonlyMap<string, StringDict>): SupplyFeed => {
    const file = asyncBufferOf(bytes);
    const fields = layout.fields;
    const names = fields.map((f) => f.name);
    const timeField = layout.eventTime;
    // Strings are coded straight into the source's dictionaries (made here for fields it has none of yet).
    const dicts = new Map<string, StringDict>();
    for (const f of fields) if (f.type === 'string') dicts.set(f.name, sourceDicts.get(f.name) ?? createStringDict());
    const errors = createRowErrorLog();
    const queue: Segment[] = [];
    let metadata: FileMetaData | null = null;
    let nextRow = from.offset;
    let goodRows = 0;
    let buffered = 0;

    const total = (): number => (metadata === null ? Infinity : Number(metadata.num_rows));

    /** The end of the row group `row` lies in. */
    function groupEnd(meta: FileMetaData, row: number): number {
      let end = 0;
      for (const group of meta.row_groups) {
        end += Number(group.num_rows);
        if (row < end) return end;
      }
      return end;
    }

    function decode(values: Map<string, unknown[]>, start: number, n: number): Segment {
      const times = values.get(timeField)!;
      const keep: number[] = [];
      const time: number[] = [];
      for (let i = 0; i < n; i++) {
        const raw = asRaw(times[i]);
        const t = readEventTime(raw, layout.timeFormat);
        const line = start + i + 1;
        if (Number.isNaN(t)) logRowError(errors, line, eventTimeProblem(timeField, raw, layout.timeFormat));
        else if (!inEventTimeRange(timeRange, t)) logRowError(errors, line, outOfRangeProblem(timeField, raw, timeRange));
        else {
          keep.push(i);
          time.push(t);
        }
      }
      const m = keep.length;
      const timeArray = Float64Array.from(time);
      const columns = newColumns();
      for (const f of fields) {
        const column = values.get(f.name)!;
        let out: Column;
        if (f.name === timeField) out = { type: 'time', values: timeArray };
        else if (f.type === 'string') {
          const dict = dicts.get(f.name)!;
          const codes = new Int32Array(m);
          for (let j = 0; j < m; j++) {
            const v = column[keep[j]!];
            codes[j] = v === null || v === undefined ? -1 : internString(dict, typeof v === 'string' ? v : String(v));
          }
          out = { type: 'string', codes, dict };
        } else if (f.type === 'boolean') {
          const flags = new Uint8Array(m);
          for (let j = 0; j < m; j++) flags[j] = column[keep[j]!] === true ? 1 : 0;
          out = { type: 'boolean', values: flags };
        } else {
          const numbers = new Float64Array(m);
          for (let j = 0; j < m; j++) numbers[j] = asNumber(column[keep[j]!]);
          out = { type: f.type, values: numbers };
        }
        columns[f.name] = out;
      }
      const rows = new Float64Array(m);
      for (let j = 0; j < m; j++) rows[j] = start + keep[j]!;
      return { block: { length: m, time: timeArray, columns }, rows, cursor: 0 };
    }

    const supply: RowSupply = {
      get buffered() {
        return buffered;
      },
      get ended() {
        return nextRow >= total();
      },
      take(maxRows: number): RowBlock {
        let block: RowBlock | null = null;
        let want = Math.min(maxRows, buffered);
        while (want > 0) {
          const s = queue[0]!;
          const n = Math.min(want, s.block.length - s.cursor);
          const piece = sliceRowBlock(s.block, s.cursor, s.cursor + n);
          s.cursor += n;
          if (s.cursor === s.block.length) queue.shift();
          block = block === null ? piece : concatRowBlocks(block, piece);
          want -= n;
          buffered -= n;
        }
        return block ?? { length: 0, time: new Float64Array(0), columns: decode(new Map(names.map((name) => [name, []])), nextRow, 0).block.columns };
      },
      resumePoint(): FilePosition {
        for (const s of queue) if (s.cursor < s.block.length) return { offset: s.rows[s.cursor]!, line: s.rows[s.cursor]! + 1 };
        return { offset: nextRow, line: nextRow + 1 };
      },
      get progress() {
        const size = bytes.size ?? 0;
        const all = total();
        return {
          bytesRead: all === Infinity || all === 0 ? 0 : Math.round((size * Math.min(nextRow, all)) / all),
          totalBytes: bytes.size,
          rows: goodRows,
          badRows: errors.count,
          done: nextRow >= all && buffered === 0,
        };
      },
      errors,
    };

    return {
      supply,
      get bytesRead() {
        return supply.progress.bytesRead;
      },
      async more(): Promise<void> {
        try {
          metadata ??= await (footer ??= parquetMetadataAsync(file, { parsers: PARQUET_PARSERS }));
          if (nextRow >= total()) return;
          const start = nextRow;
          const end = groupEnd(metadata, start);
          const values = await readParquetColumns(file, metadata, names, start, end);
          const segment = decode(values, start, end - start);
          nextRow = end;
          goodRows += segment.block.length;
          buffered += segment.block.length;
          if (segment.block.length > 0) queue.push(segment);
        } catch (error) {
          throw readFailed(bytes, error);
        }
      },
      close() {
        queue.length = 0;
        buffered = 0;
      },
    };
  };
}
