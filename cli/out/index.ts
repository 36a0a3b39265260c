/**
 * PLACEHOLDER until the h4-out-bench branch's writers (NDJSON, CSV, Parquet,
 * buffered) replace this file at merge: the same API, NDJSON only, one row
 * object per result. Keep it tiny.
 */
import type { Batch, Field } from '../../src/engine/batch';
import { batchToRows } from '../../src/engine/operators/sinks';
import type { CliIo } from '../io';

export type OutFormat = 'ndjson' | 'csv' | 'parquet';

export interface ResultOutput {
  /** Writes a sink's results; reads `batch` during the call only. */
  write(sinkId: string, batch: Batch): void;
  /** True when buffered output should drain before the next step. */
  readonly waiting: boolean;
  drain(): Promise<void>;
  close(): Promise<void>;
  readonly rows: number;
}

/** A reason results cannot be written as asked, for the user (the message says what to do). */
export class ResultOutputError extends Error {}

const EXTENSIONS: ReadonlyMap<string, OutFormat> = new Map([['.ndjson', 'ndjson'], ['.jsonl', 'ndjson'], ['.csv', 'csv'], ['.parquet', 'parquet']]);

export function outFormatOf(outPath: string | undefined, formatFlag: string | undefined): OutFormat | { error: string } {
  if (formatFlag !== undefined) return formatFlag === 'ndjson' ? 'ndjson' : { error: `--format ${formatFlag} is not built yet` };
  const ext = outPath?.toLowerCase().match(/\.[a-z]+$/)?.[0];
  const format = ext === undefined ? undefined : EXTENSIONS.get(ext);
  if (format !== undefined && format !== 'ndjson') return { error: `--out ${outPath}: ${format} is not built yet` };
  return 'ndjson';
}

export async function openResultOutput(io: CliIo, target: string | null, format: OutFormat, sinks: readonly { id: string; fields: readonly Field[] }[]): Promise<ResultOutput> {
  void format;
  const named = sinks.length > 1;
  let text = '';
  let rows = 0;
  return {
    write(sinkId, batch) {
      for (const row of batchToRows(batch)) text += `${JSON.stringify(named ? { sink: sinkId, ...row } : row)}\n`;
      rows += batch.length;
      if (target === null) {
        io.stdout(text);
        text = '';
      }
    },
    waiting: false,
    drain: () => Promise.resolve(),
    close: () => (target === null ? Promise.resolve() : io.writeText(target, text)),
    get rows() {
      return rows;
    },
  };
}
