/**
 * Writing a run's results: NDJSON, CSV or Parquet, straight from columnar
 * batches, through one buffered stream (a file or standard output).
 *
 * The run loop calls `write` for every result batch, and awaits `drain()`
 * whenever `waiting` says the stream is full, so memory holds a chunk or a
 * row group, not the results.
 */
import type { Writable } from 'node:stream';
import type { Batch, Field } from '../../src/engine/batch';
import type { CliIo } from '../io';
import { CsvEncoder } from './csv';
import type { OutFormat } from './format';
import { NdjsonEncoder } from './ndjson';
import { openFileOutput } from './openOutput';
import { ParquetEncoder } from './parquet';
import { ChunkedStream } from './stream';

export { outFormatOf, type OutFormat } from './format';

export interface ResultSink {
  readonly id: string;
  readonly fields: readonly Field[];
}

export interface ResultOutput {
  /** Writes the rows of `batch` for sink `sinkId`; reads the batch during the call only. */
  write(sinkId: string, batch: Batch): void;
  /** True when buffered output should drain before the next step. */
  readonly waiting: boolean;
  /** Resolves when the stream has room again. */
  drain(): Promise<void>;
  /** Writes what is left (for Parquet the footer) and closes the file, or flushes standard output. */
  close(): Promise<void>;
  /** Rows written so far. */
  readonly rows: number;
  /**
   * Hands every byte written so far to the stream and returns how many bytes
   * the output holds then (counted from `startAt`), and a promise that they
   * are written: a checkpoint fsyncs them and records that length.
   */
  commitPoint(): { readonly bytes: number; readonly written: Promise<void> };
}

/** How a checkpointed run opens its output (cli/checkpoint/committedFile.ts). */
export interface OutputPlacement {
  /** The stream to write to, in place of the file `target` names. */
  readonly stream: Writable;
  /** Bytes the file holds already (a resumed run writes after them); 0 for a fresh file. */
  readonly startAt: number;
  /** Rows written before (a resumed run's count goes on from them). */
  readonly rowsBefore: number;
}

/** A reason results cannot be written as asked, for the user (the message says what to do). */
export class ResultOutputError extends Error {}

function sameFields(a: readonly Field[], b: readonly Field[]): boolean {
  return a.length === b.length && a.every((f, i) => f.name === b[i]!.name && f.type === b[i]!.type);
}

/** The one table CSV and Parquet write: every sink must have the same fields; several sinks add a `sink` column. */
function tableFields(format: OutFormat, sinks: readonly ResultSink[]): readonly Field[] {
  const first = sinks[0];
  if (first === undefined) return [];
  const other = sinks.find((s) => !sameFields(s.fields, first.fields));
  const name = format === 'csv' ? 'CSV' : 'Parquet';
  if (other !== undefined) {
    throw new ResultOutputError(`${name} holds one table, but sinks '${first.id}' and '${other.id}' have different fields: write NDJSON (--format ndjson) or keep one sink`);
  }
  if (sinks.length > 1 && first.fields.some((f) => f.name === 'sink')) {
    throw new ResultOutputError(`with several sinks ${name} names each row's sink in a column 'sink', and the results already have a field 'sink': rename it or write NDJSON`);
  }
  return first.fields;
}

/**
 * Opens the way out for results in `format` to `target` (a file, created or
 * truncated, or null for standard output). Rejects with a
 * {@link ResultOutputError} when the format cannot hold these sinks (checked
 * before the file is touched), or with the file system's error.
 */
export async function openResultOutput(io: CliIo, target: string | null, format: OutFormat, sinks: readonly ResultSink[], placement?: OutputPlacement): Promise<ResultOutput> {
  const fields = format === 'ndjson' ? [] : tableFields(format, sinks);
  if (format === 'parquet' && target === null) throw new ResultOutputError('Parquet cannot go to standard output: give a file with --out FILE.parquet');
  const known = new Set(sinks.map((s) => s.id));
  const several = sinks.length > 1;
  const stream = placement?.stream ?? (io.openOutput === undefined ? await openFileOutput(target) : await io.openOutput(target));
  const out = new ChunkedStream(stream, target === null);
  const startAt = placement?.startAt ?? 0;
  let rows = placement?.rowsBefore ?? 0;
  let encode: (sinkId: string, batch: Batch) => void;
  let finish = (): void => {};
  if (format === 'ndjson') {
    const ndjson = new NdjsonEncoder();
    encode = (sinkId, batch) => ndjson.encodeInto(batch, several ? sinkId : null, out);
  } else if (format === 'csv') {
    const csv = new CsvEncoder(fields, several);
    // A resumed file has its header already (a checkpoint commits only after the header went out).
    if (startAt === 0) out.writeText(csv.header());
    encode = (sinkId, batch) => out.writeText(csv.encode(batch, sinkId));
  } else {
    const parquet = new ParquetEncoder(fields, several, (bytes) => out.writeBytes(bytes));
    encode = (sinkId, batch) => parquet.encode(batch, sinkId);
    finish = () => parquet.finish();
  }
  return {
    write(sinkId, batch) {
      if (!known.has(sinkId)) throw new Error(`no result sink '${sinkId}' was opened`);
      if (batch.length === 0) return;
      encode(sinkId, batch);
      rows += batch.length;
    },
    get waiting() { return out.waiting; },
    drain: () => out.drain(),
    async close() {
      finish();
      await out.close();
    },
    get rows() { return rows; },
    commitPoint() {
      const written = out.flush();
      return { bytes: startAt + out.handed, written };
    },
  };
}
