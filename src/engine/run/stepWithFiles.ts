/**
 * Running a pipeline whose file sources read their files as the run goes:
 * before each step every streamed source reads until the step's rows wait,
 * so the steps (and the results) are those of the files parsed whole.
 */
import type { PipelineDocument } from '../../model';
import type { CompileProblem } from '../plan/types';
import type { FileBytes } from '../sources/file/stream/types';
import type { Runtime } from './runtime';
import { preparePipeline, type PreparedPipeline, type RunOptions, type RunResult } from './runPipeline';

/** Awaits `fill(rows)` of every streamed file source, then takes one step; false once all sources have ended. */
export async function stepWithFiles(runtime: Runtime, rows: number): Promise<boolean> {
  const fills: Promise<void>[] = [];
  for (const source of runtime.fileSources.values()) fills.push(source.fill(rows));
  if (fills.length > 0) await Promise.all(fills);
  return runtime.step(rows);
}

/** runPipeline's options; `fileInputs` may hold opened files, read as the run goes. */
export type StreamedRunOptions = RunOptions;

/** Closes every streamed file of a runtime: a run that failed or was stopped reads no further. */
export function closeFiles(runtime: Runtime): void {
  for (const source of runtime.fileSources.values()) source.close();
}

/** Steps a prepared pipeline to the end of its input, awaiting its files between steps. */
export async function runPreparedToEnd(pipeline: PreparedPipeline, batchSize = 4096): Promise<void> {
  const { runtime } = pipeline;
  try {
    while (await stepWithFiles(runtime, batchSize)) { /* run to the end of input */ }
  } finally {
    closeFiles(runtime);
  }
}

/**
 * Compiles a document with its file inputs (`options.fileInputs`: text, or
 * opened files read as the run goes) and runs it to the end; the result is
 * runPipeline's. Rejects with the Error of a file that cannot be read.
 */
export async function runToEndStreamed(doc: PipelineDocument, options: StreamedRunOptions = {}): Promise<RunResult | { ok: false; problems: CompileProblem[] }> {
  const prepared = preparePipeline(doc, options);
  if (!prepared.ok) return prepared;
  const { pipeline } = prepared;
  await runPreparedToEnd(pipeline, options.batchSize);
  const { runtime, results, late } = pipeline;
  return { ok: true, results, late, diagnostics: runtime.diagnostics, metrics: runtime.metrics() };
}

/**
 * A FileBytes over text in memory, read in chunks of `chunkSize` bytes (its
 * UTF-8, so a chunk may end inside a character): for tests, and for hosts
 * that hold a small text already.
 */
export function bytesOfText(text: string, name: string, chunkSize = 64 * 1024): FileBytes {
  const all = new TextEncoder().encode(text);
  const size = Math.max(1, Math.floor(chunkSize));
  return {
    name,
    size: all.length,
    async *read(offset: number): AsyncIterable<Uint8Array> {
      for (let at = Math.max(0, offset); at < all.length; at += size) yield all.subarray(at, Math.min(all.length, at + size));
    },
    slice: (start: number, end: number) => Promise.resolve(all.slice(start, end).buffer),
  };
}
