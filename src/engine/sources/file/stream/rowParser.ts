/**
 * The text formats' RowParser: a scanner cuts units (CSV rows, NDJSON lines,
 * JSON array elements) out of the chunks, a sink writes them into the
 * columns. See ./types.ts for the contract.
 */
import type { EventTimeRange } from '../../../../model';
import type { RowBlock } from '../../../batch';
import type { RowErrorLog } from '../types';
import { CsvColumns } from './csvColumns';
import { CsvFastRows } from './csvFastRows';
import { CsvScanner } from './csvScanner';
import { JsonColumns } from './jsonColumns';
import { JsonArrayScanner, NdjsonScanner } from './jsonScanner';
import { RowColumns } from './rowColumns';
import type { FileLayout, FilePosition, FileProgress, RowParser } from './types';

/** A RowParser that also says which bad rows lie before its resume point. */
export interface TextRowParser extends RowParser {
  /**
   * The bad-row log as it stood at `resumePoint()`: rows parsed ahead of it
   * may already be in `errors`, and a parser resumed there reads them again.
   */
  resumeErrors(): RowErrorLog;
}

interface Scanner {
  push(chunk: Uint8Array): void;
  end(): void;
  readonly received: number;
}

/**
 * `fastCsv`: false reads every CSV row by the general scanner alone (the
 * tests that hold the fast path equal to it).
 */
export function createTextRowParser(layout: FileLayout, range: EventTimeRange | undefined, from: FilePosition, fastCsv = true): TextRowParser {
  const columns = new RowColumns(layout, range);
  let scanner: Scanner;
  let mark: () => { offset: number; line: number; errors: number };
  if (layout.format === 'csv') {
    const csv = new CsvScanner(layout.delimiter, from, new CsvColumns(columns), fastCsv ? CsvFastRows.create(columns, layout.delimiter) : null);
    scanner = csv;
    mark = () => ({ offset: csv.offset, line: csv.line, errors: columns.errors.count });
  } else if (layout.format === 'ndjson') {
    const nd = new NdjsonScanner(from, new JsonColumns(columns));
    scanner = nd;
    mark = () => ({ ...nd.mark, errors: columns.errors.count });
  } else if (layout.format === 'json') {
    // The column only words the message of a row nested too deep: the `[` is taken to open its line.
    const array = new JsonArrayScanner(from, from.offset === layout.dataStart.offset ? 1 : 0, new JsonColumns(columns));
    scanner = array;
    mark = () => array.mark;
  } else {
    throw new Error(`${layout.format} is not a text format`);
  }
  let ended = false;
  return {
    push(bytes) {
      scanner.push(bytes);
    },
    end() {
      ended = true;
      scanner.end();
    },
    get buffered() {
      return columns.buffered;
    },
    get ended() {
      return ended;
    },
    take(maxRows: number, recycle = false): RowBlock {
      return columns.take(maxRows, recycle);
    },
    peekTime(): number | null {
      return columns.firstTime();
    },
    resumePoint(): FilePosition {
      const first = columns.firstPosition();
      if (first !== null) return first;
      const { offset, line } = mark();
      return { offset, line };
    },
    resumeErrors(): RowErrorLog {
      return columns.errorsUpTo(columns.buffered > 0 ? columns.firstErrors() : mark().errors);
    },
    get progress(): FileProgress {
      return { bytesRead: scanner.received, totalBytes: null, rows: columns.goodRows, badRows: columns.errors.count, done: ended };
    },
    get errors() {
      return columns.errors;
    },
  };
}
