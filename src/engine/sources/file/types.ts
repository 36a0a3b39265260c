/** Shapes shared by the file readers and the public parse result. */
import type { EventTimeRange } from '../../../model';
import type { Field, RowBlock } from '../../batch';

export type FileFormat = 'csv' | 'ndjson' | 'json';
export type TimeFormat = 'epochMillis' | 'epochSeconds' | 'iso';

/** Options of {@link parseFileSource}; they mirror the `source.file` params. */
export interface FileSourceOptions {
  readonly format: 'auto' | FileFormat;
  /** Name of the event-time field (dotted for nested JSON: `meta.time`). */
  readonly eventTime: string;
  readonly timeFormat: 'auto' | TimeFormat;
  /** CSV field delimiter, one character [","]. */
  readonly delimiter?: string;
  /** Rows whose event time lies outside it are bad rows [years 1900 to 2300]. */
  readonly timeRange?: EventTimeRange;
}

/** A row that was skipped, with its 1-based line in the file. */
export interface RowError {
  readonly line: number;
  readonly message: string;
}

export type FileParseResult =
  | {
      readonly ok: true;
      readonly block: RowBlock;
      readonly fields: Field[];
      /** The first 100 skipped rows, in file order. */
      readonly rowErrors: RowError[];
      /** How many rows were skipped in all. */
      readonly badRowCount: number;
    }
  | { readonly ok: false; readonly message: string };

/** A cell as read: text from CSV, JSON scalars from JSON (null or absent when missing). */
export type RawValue = string | number | boolean | null;

export interface RawRow {
  readonly line: number;
  /** Indexed like `RawTable.names`; may be shorter when later rows brought new fields. */
  readonly cells: RawValue[];
}

/** Rows that are structurally sound, before types and event times are looked at. */
export interface RawTable {
  readonly names: string[];
  readonly rows: RawRow[];
  readonly errors: RowErrorLog;
}

/** Skipped rows: the first {@link MAX_ROW_ERRORS} in detail, and a count of all. */
export interface RowErrorLog {
  readonly first: RowError[];
  count: number;
}

export const MAX_ROW_ERRORS = 100;

/** A fresh, empty log. */
export function createRowErrorLog(): RowErrorLog {
  return { first: [], count: 0 };
}

/** Records a skipped row. */
export function logRowError(log: RowErrorLog, line: number, message: string): void {
  log.count++;
  if (log.first.length < MAX_ROW_ERRORS) log.first.push({ line, message });
}
