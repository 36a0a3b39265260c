import { readFile, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { FileBytes } from '../src/engine/sources/file/stream/types';

/** What the CLI touches outside itself, injectable so tests run it in-process. */
export interface CliIo {
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  stdout(text: string): void;
  /** A stream for results: `path` created or truncated (resolves once it is open), or standard output for null; absent: the file system (cli/out/openOutput.ts). */
  openOutput?(path: string | null): Promise<Writable>;
  stderr(text: string): void;
  now(): number;
  /** The bytes of an --input file; absent: the file system (cli/inputs/fileBytes.ts). */
  openInput?(path: string): Promise<FileBytes>;
  /** Standard input for `--input -`; absent: process.stdin. */
  stdin?(): AsyncIterable<Uint8Array>;
  /** A signal aborted by the first Ctrl+C (a second one ends the process), for runs that end when told to. */
  interruptSignal?(): AbortSignal;
}

/** The real process's files, streams and clock. */
export function processIo(): CliIo {
  // A reader that stops early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    readText: (path) => readFile(path, 'utf8'),
    writeText: (path, text) => writeFile(path, text, 'utf8'),
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
    now: () => Date.now(),
    interruptSignal() {
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      return controller.signal;
    },
  };
}
