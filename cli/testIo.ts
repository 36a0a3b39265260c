import { readFile } from 'node:fs/promises';
import type { CliIo } from './io';
import { openFileBytes } from './inputs/fileBytes';
import { memoryBytes } from './inputs/streamBytes';

/** A CLI I/O that reads real files, but keeps writes and output in memory for assertions. */
export interface MemoryIo extends CliIo {
  readonly out: string[];
  readonly err: string[];
  readonly files: Map<string, string>;
  /** What `--input -` reads; null: nothing (an empty standard input). */
  stdinText: string | null;
}

/** Creates a MemoryIo; files written earlier in the test can be read back. */
export function memoryIo(): MemoryIo {
  const files = new Map<string, string>();
  const out: string[] = [];
  const err: string[] = [];
  const io: MemoryIo = {
    out, err, files, stdinText: null,
    readText: async (path) => files.get(path) ?? readFile(path, 'utf8'),
    writeText: async (path, text) => { files.set(path, text); },
    stdout: (text) => { out.push(text); },
    stderr: (text) => { err.push(text); },
    now: () => 0,
    // Files written in the test are read in chunks of an odd size, so parsers meet cuts in rows.
    openInput: async (path) => (files.has(path) ? memoryBytes(path, new TextEncoder().encode(files.get(path)!), 4093) : openFileBytes(path)),
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
