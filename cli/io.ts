// node:fs's callbacks, not node:fs/promises: loading that one loads readline, streams and more of
// Node's own modules, about a tenth of `validate`'s start (README, "Start time").
import { readFile, writeFile } from 'node:fs';
import type { Writable } from 'node:stream';
import type { FileBytes } from '../src/engine/sources/file/stream/types';
import { writeStderr, writeStdout } from './directOutput';

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

/**
 * The real process's files, streams and clock. `directOutput`: standard output and error written
 * synchronously (cli/directOutput.ts), for a command that writes a few lines and ends (validate).
 */
export function processIo({ directOutput = false }: { readonly directOutput?: boolean } = {}): CliIo {
  // A reader that stops early (`| head`) is not an error worth a stack trace.
  if (!directOutput) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  return {
    readText: (path) => new Promise((resolve, reject) => readFile(path, 'utf8', (error, text) => (error ? reject(error) : resolve(text)))),
    writeText: (path, text) => new Promise((resolve, reject) => writeFile(path, text, 'utf8', (error) => (error ? reject(error) : resolve()))),
    stdout: directOutput ? writeStdout : (text) => { process.stdout.write(text); },
    stderr: directOutput ? writeStderr : (text) => { process.stderr.write(text); },
    now: () => Date.now(),
    interruptSignal() {
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      return controller.signal;
    },
  };
}
