/** cli/directOutput.ts: synchronous writes, and the fall back to the stream when a descriptor is full (EAGAIN). */
import { afterEach, describe, expect, it, vi } from 'vitest';

const writeSync = vi.fn<(fd: number, bytes: Uint8Array, offset: number, length: number) => number>();
vi.mock('node:fs', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:fs')>()), writeSync }));

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

afterEach(() => {
  vi.restoreAllMocks();
  writeSync.mockReset();
  vi.resetModules();
});

describe('direct output', () => {
  it('writes the whole text, through partial writes, without the stream', async () => {
    const { writeStdout, whenOutputFlushed } = await import('./directOutput');
    const taken: string[] = [];
    // The descriptor takes at most 3 bytes a call.
    writeSync.mockImplementation((_fd, bytes, offset, length) => {
      const n = Math.min(3, length);
      taken.push(Buffer.from(bytes.subarray(offset, offset + n)).toString('utf8'));
      return n;
    });
    const streamWrite = vi.spyOn(process.stdout, 'write');
    writeStdout('valid (5 nodes)\n');
    expect(taken.join('')).toBe('valid (5 nodes)\n');
    expect(writeSync.mock.calls.every(([fd]) => fd === 1)).toBe(true);
    expect(streamWrite).not.toHaveBeenCalled();
    const done = vi.fn();
    whenOutputFlushed(done);
    expect(done).toHaveBeenCalledOnce();
  });

  it('sends what a full descriptor did not take, and all that follows, through the stream, in order', async () => {
    const { writeStderr, whenOutputFlushed } = await import('./directOutput');
    writeSync.mockImplementationOnce((_fd, _bytes, _offset, length) => Math.min(4, length)).mockImplementation(() => {
      throw errno('EAGAIN');
    });
    const written: string[] = [];
    const streamWrite = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array, callback?: () => void) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      callback?.();
      return true;
    }) as typeof process.stderr.write);
    writeStderr('first line\n');
    writeStderr('second\n');
    expect(written.slice(0, 2)).toEqual(['t line\n', 'second\n']);
    expect(writeSync).toHaveBeenCalledTimes(2);
    const done = vi.fn();
    whenOutputFlushed(done);
    expect(done).toHaveBeenCalledOnce();
    expect(streamWrite).toHaveBeenCalledTimes(3);
  });

  it('ends the process quietly when the reader has gone (EPIPE)', async () => {
    const { writeStdout } = await import('./directOutput');
    writeSync.mockImplementation(() => {
      throw errno('EPIPE');
    });
    // process.exit does not return: the mock stands for that by throwing.
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    expect(() => writeStdout('x\n')).toThrow('exit 0');
    expect(exit).toHaveBeenCalledOnce();
  });

  it('throws any other error', async () => {
    const { writeStdout } = await import('./directOutput');
    writeSync.mockImplementation(() => {
      throw errno('EBADF');
    });
    expect(() => writeStdout('x\n')).toThrow('EBADF');
  });
});
