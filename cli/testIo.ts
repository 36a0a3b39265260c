import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { CliIo } from './io';
import { openFileBytes } from './inputs/fileBytes';
import { memoryBytes } from './inputs/streamBytes';

/** A CLI I/O that reads real files, but keeps writes and output in memory for assertions. */
export interface MemoryIo extends CliIo {
  readonly out: string[];
  readonly err: string[];
  readonly files: Map<string, string>;
  /** The bytes of files written through `openOutput` (also in `files` as UTF-8 text). */
  readonly bytes: Map<string, Buffer>;
  /** What `--input -` reads; null: nothing (an empty standard input). */
  stdinText: string | null;
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
  const io: MemoryIo = {
    out, err, files, bytes, stdinText: null,
    readText: async (path) => files.get(path) ?? readFile(path, 'utf8'),
    writeText: async (path, text) => { files.set(path, text); bytes.delete(path); },
    stdout: (text) => { out.push(text); },
    openOutput: async (path) => (path === null
      ? memoryStream((chunk) => out.push(chunk.toString('utf8')), () => {})
      : memoryStream(() => {}, (all) => { bytes.set(path, all); files.set(path, all.toString('utf8')); })),
    stderr: (text) => { err.push(text); },
    now: () => 0,
    // Files written in the test are read in chunks of an odd size, so parsers meet cuts in rows.
    openInput: async (path) => {
      const written = bytes.get(path) ?? (files.has(path) ? new TextEncoder().encode(files.get(path)!) : undefined);
      return written === undefined ? openFileBytes(path) : memoryBytes(path, written, 4093);
    },
    async *stdin() {
      if (io.stdinText !== null) yield new TextEncoder().encode(io.stdinText);
    },
  };
  return io;
}

/** Parses NDJSON text into objects. */
export function ndjson(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}
