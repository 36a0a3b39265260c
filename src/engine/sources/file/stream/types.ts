/**
 * The contract of streamed file sources: a file of any size is read in
 * chunks and parsed straight into columnar rows, with memory bounded by a
 * few batches, never by the file.
 *
 * The parts, and who drives them:
 * - the host (CLI, worker) gives the bytes as {@link FileBytes}: a file, a
 *   Blob, standard input, decompressed gzip;
 * - {@link sniffFile} reads the head and decides the {@link FileLayout}
 *   (format, delimiter, fields and their types, time format) before compile,
 *   because the plan needs the fields;
 * - the plan's file source step then holds an {@link OpenedFile}, and the
 *   runtime makes a {@link StreamedFileSource} of it;
 * - before each `runtime.step(n)` the host awaits `fill(n)` of every
 *   streamed source, which reads until n rows wait or the file ended. So
 *   batches are the same as if the whole file had been parsed at once, and
 *   results do not depend on chunk sizes.
 *
 * The runtime stays synchronous: only `fill` is async, and it runs between steps.
 */
import type { Field, RowBlock } from '../../../batch';
import type { SourceRuntime } from '../../../run/sourceRuntime';
import type { RowErrorLog, TimeFormat } from '../types';

/** How a streamed file is written. TSV is CSV with a tab delimiter. */
export type StreamFormat = 'csv' | 'ndjson' | 'json' | 'parquet';

/**
 * A point in a file where reading may start again: a byte offset into the
 * (decompressed) text for CSV, NDJSON and JSON, a row index for Parquet,
 * with the 1-based line number there (rows' line numbers go on from it).
 */
export interface FilePosition {
  readonly offset: number;
  readonly line: number;
}

/** The bytes of one file as a host gives them. Hosts: cli/ (fs, zlib, stdin) and the worker (Blob). */
export interface FileBytes {
  /** For messages: the file's name or path ('-' for standard input). */
  readonly name: string;
  /** How many bytes `read(0)` yields in all, or null when unknown (standard input, gzip). */
  readonly size: number | null;
  /**
   * The bytes from `offset` to the end, in chunks of any size. A host that
   * cannot seek (standard input, gzip) reads from the start and skips. Each
   * call starts a new read; breaking out of the iteration ends it.
   */
  read(offset: number): AsyncIterable<Uint8Array>;
  /**
   * As `read`, but each chunk is valid only until the next is asked for:
   * the host fills the same buffer again (a Blob's BYOB reader), so a long
   * file does not allocate its size in fresh buffers. Only a reader that
   * copies what it keeps may use it (the row parsers: see ByteWindow).
   */
  readonly readReused?: (offset: number) => AsyncIterable<Uint8Array>;
  /** Random access to bytes [start, end), when the host has it (a file, a Blob): Parquet needs it. */
  readonly slice?: (start: number, end: number) => Promise<ArrayBuffer>;
}

/**
 * What the head of a file says about the rest: plain, structured-clonable
 * data (it travels to the worker and into snapshots).
 */
export interface FileLayout {
  readonly format: StreamFormat;
  /** The CSV delimiter, one character (',' for the other formats). */
  readonly delimiter: string;
  /**
   * The fields in the file's order with the types inferred from the head
   * (see HEAD_BYTES); the event-time field has type 'time'. A later value
   * that does not fit its field's type makes its row a bad row.
   */
  readonly fields: readonly Field[];
  /** The event-time field's name (dotted for nested JSON: `meta.time`). */
  readonly eventTime: string;
  readonly timeFormat: TimeFormat;
  /** Where the first data row starts: after a byte-order mark and the CSV header. */
  readonly dataStart: FilePosition;
}

/**
 * How much of a file's start type inference looks at. A file no longer than
 * this is read exactly as if parsed whole: its types, time format and errors
 * are those of the whole file.
 */
export const HEAD_BYTES = 1 << 20;

/** A file with its layout: what compile needs for a streamed file source. */
export interface OpenedFile {
  readonly bytes: FileBytes;
  readonly layout: FileLayout;
}

export type SniffResult = { readonly ok: true; readonly layout: FileLayout } | { readonly ok: false; readonly message: string };

/** How far a streamed source has read. */
export interface FileProgress {
  /** Bytes consumed of the (decompressed) file; rows for Parquet count as their share of `totalBytes`. */
  readonly bytesRead: number;
  /** The file's size, or null when unknown. */
  readonly totalBytes: number | null;
  /** Rows read that were good. */
  readonly rows: number;
  /** Rows skipped as bad (their first MAX_ROW_ERRORS with lines are diagnostics). */
  readonly badRows: number;
  /** True once the whole file was read. */
  readonly done: boolean;
}

/**
 * Rows parsed from a file and waiting for their source; a text parser or
 * the Parquet reader fills it. String columns keep one dictionary per field
 * for the life of the supply, so codes are stable across blocks.
 */
export interface RowSupply {
  /** Rows waiting to be taken. */
  readonly buffered: number;
  /** True once the input ended: no more rows will come than those buffered. */
  readonly ended: boolean;
  /**
   * Up to `maxRows` of the waiting rows, in file order (fewer when fewer
   * wait). `recycle`: nothing keeps the block past the next take (see
   * SourceRuntime.next), so the supply may write it into the arrays of the
   * last block it gave with `recycle` instead of fresh ones.
   */
  take(maxRows: number, recycle?: boolean): RowBlock;
  /** The event time of the first waiting row without taking it, or null when none waits (a supply that cannot peek has none). */
  peekTime?(): number | null;
  /** Where the first row not yet taken starts: reading again from there gives the same rows. */
  resumePoint(): FilePosition;
  readonly progress: FileProgress;
  /** Bad rows so far: the first MAX_ROW_ERRORS with their line and what was wrong, and the count. */
  readonly errors: RowErrorLog;
}

/** A text format's parser: bytes in (any cut, even inside a character), rows out. */
export interface RowParser extends RowSupply {
  push(bytes: Uint8Array): void;
  /** The input ended: a last row without a line break is parsed. */
  end(): void;
}

/** A file source that reads its file as the run goes. */
export interface StreamedFileSource extends SourceRuntime {
  readonly file: OpenedFile;
  /**
   * Reads on until `rows` rows wait or the file ended (after a restore,
   * first starts again at the restored point). The host awaits it before
   * every `runtime.step(rows)`. Rejects with an Error naming the file when
   * reading fails.
   */
  fill(rows: number): Promise<void>;
  /** Rows parsed and not yet taken by a step. */
  readonly buffered: number;
  /** The event time of the next row a step would take, or null when none waits. */
  peekTime(): number | null;
  readonly progress: FileProgress;
  /** Stops reading (a run that is stopped or disposed). */
  close(): void;
}
