import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { CliIo } from './io';

/** A CLI I/O that reads real files, but keeps writes and output in memory for assertions. */
export interface MemoryIo extends CliIo {
  readonly out: string[];
  readonly err: string[];
  readonly files: Map<string, string>;
  /** The bytes of files written through `openOutput` (also in `files` as UTF-8 text). */
  readonly bytes: Map<string, Buffer>;
}

/** A stream that keeps what is written; `onChunk` sees each chunk, `onEnd` all of them once ended. */
function memoryStream(onChunk: (chunk: Buffer) => void, onEnd: (all: Buffer) => void): Writable {
  const chunks: Buffer[] = [];
  return new Writable({
    write(chunk: Buffer, _encoding, callback) { chunks.push(chunk); onChunk(chunk); callback(); },
    final(callback) { onEnd(Buffer.concat(chunks)); callback(); },
  });
}

/** Creates a MemoryIo; files written earlier in the test can be read back. */
export function memoryIo(): MemoryIo {
  const files = new Map<string, string>();
  const bytes = new Map<string, Buffer>();
  const out: string[] = [];
  const err: string[] = [];
  return {
    out, err, files, bytes,
    readText: async (path) => files.get(path) ?? readFile(path, 'utf8'),
    writeText: async (path, text) => { files.set(path, text); },
    stdout: (text) => { out.push(text); },
    openOutput: async (path) => (path === null
      ? memoryStream((chunk) => out.push(chunk.toString('utf8')), () => {})
      : memoryStream(() => {}, (all) => { bytes.set(path, all); files.set(path, all.toString('utf8')); })),
    stderr: (text) => { err.push(text); },
    now: () => 0,
  };
}

/** Parses NDJSON text into objects. */
export function ndjson(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}
