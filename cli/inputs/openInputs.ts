/**
 * Opens the bound inputs: their bytes (a file, gzip, standard input), and
 * for a streamed run their layout sniffed from the head, before compile
 * (the plan needs their fields).
 */
import { eventTimeRange } from '../../src/model';
import type { FileBytes, OpenedFile } from '../../src/engine/sources/file/stream/types';
import type { CliIo } from '../io';
import type { AssignedInput } from './assign';
import { inputFormat } from './format';
import { STDIN } from './inputArgs';

export type Opened<T> = { readonly ok: true; readonly files: Record<string, T> } | { readonly ok: false; readonly message: string };

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** An input's bytes through the io (tests give files from memory), else from the file system or process.stdin. */
async function bytesOf(io: CliIo, path: string): Promise<FileBytes> {
  if (path === STDIN) {
    const { onceBytes } = await import('./streamBytes');
    return onceBytes(STDIN, io.stdin?.() ?? (process.stdin as AsyncIterable<Uint8Array>));
  }
  if (io.openInput !== undefined) return io.openInput(path);
  const { openFileBytes } = await import('./fileBytes');
  return openFileBytes(path);
}

const nameOf = (path: string): string => (path === STDIN ? 'standard input' : path);

/** Every input's bytes and layout, keyed by node id; the first that cannot be opened or read says why. */
export async function openStreamedInputs(io: CliIo, inputs: readonly AssignedInput[]): Promise<Opened<OpenedFile>> {
  if (inputs.length === 0) return { ok: true, files: {} };
  const { sniffFile } = await import('../../src/engine/sources/file/stream/index');
  const files: Record<string, OpenedFile> = Object.create(null) as Record<string, OpenedFile>;
  for (const { node, path } of inputs) {
    let bytes: FileBytes;
    try {
      bytes = await bytesOf(io, path);
    } catch (error) {
      return { ok: false, message: `${nameOf(path)}: cannot read the input file: ${describe(error)}` };
    }
    const p = node.params;
    const format = inputFormat(p.format, path);
    let sniffed;
    try {
      sniffed = await sniffFile(bytes, {
        format, eventTime: p.eventTime, timeFormat: p.timeFormat,
        delimiter: format === 'tsv' ? '\t' : p.delimiter,
        timeRange: eventTimeRange(p.earliestYear, p.latestYear),
      });
    } catch (error) {
      sniffed = { ok: false as const, message: describe(error) };
    }
    if (!sniffed.ok) return { ok: false, message: `${nameOf(path)}: node '${node.id}': ${sniffed.message}` };
    files[node.id] = { bytes, layout: sniffed.layout };
  }
  return { ok: true, files };
}

/** Every input's whole text (decompressed), for commands that parse it at once (compare). */
export async function readTextInputs(io: CliIo, inputs: readonly AssignedInput[]): Promise<Opened<string>> {
  const files: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { node, path } of inputs) {
    if (inputFormat(node.params.format, path) === 'parquet') return { ok: false, message: `${nameOf(path)}: node '${node.id}': compare reads text formats only (CSV, TSV, NDJSON, JSON), not Parquet` };
    try {
      const bytes = await bytesOf(io, path);
      const decoder = new TextDecoder();
      let text = '';
      for await (const chunk of bytes.read(0)) text += decoder.decode(chunk, { stream: true });
      files[node.id] = text + decoder.decode();
    } catch (error) {
      return { ok: false, message: `${nameOf(path)}: cannot read the input file: ${describe(error)}` };
    }
  }
  return { ok: true, files };
}
