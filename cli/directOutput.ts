/**
 * Standard output and error written with `writeSync` on their file descriptors, for a command that
 * writes a few lines and ends (validate): `process.stdout` is never created, and creating it loads
 * Node's streams (and, for a pipe, its network modules), a tenth of validate's start. A descriptor
 * that cannot take a synchronous write (a non-blocking pipe that is full: EAGAIN) falls back to the
 * process's stream for that text and all that follows, so the order of the output is kept.
 */
import { writeSync } from 'node:fs';

type Target = { readonly fd: number; readonly stream: () => NodeJS.WriteStream; streamed: boolean };

const targets = { stdout: { fd: 1, stream: () => process.stdout, streamed: false }, stderr: { fd: 2, stream: () => process.stderr, streamed: false } } satisfies Record<string, Target>;

/** Writes `text` to `target`: synchronously while it can, then through the stream. */
function write(target: Target, text: string): void {
  if (target.streamed) {
    target.stream().write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(target.fd, bytes, at, bytes.length - at);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A reader that stopped early (`| head`) is not an error worth a stack trace.
    if (code === 'EPIPE') process.exit(0);
    if (code !== 'EAGAIN') throw error;
    // The rest, from what the descriptor did not take, goes through the stream, and so does all that follows.
    target.streamed = true;
    target.stream().write(bytes.subarray(at));
  }
}

export const writeStdout = (text: string): void => write(targets.stdout, text);
export const writeStderr = (text: string): void => write(targets.stderr, text);

/** Calls `done` once what was written has reached the descriptors: at once unless a stream took some. */
export function whenOutputFlushed(done: () => void): void {
  const { stdout, stderr } = targets;
  const afterStderr = (): void => { if (stderr.streamed) stderr.stream().write('', done); else done(); };
  if (stdout.streamed) stdout.stream().write('', afterStderr);
  else afterStderr();
}
