/** The CLI's FileBytes: files (seek, slice), gzip (zlib, by extension or magic bytes) and standard input (read once). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FileBytes } from '../../src/engine/sources/file/stream/types';
import { HEAD_BYTES } from '../../src/engine/sources/file/stream/types';
import { openFileBytes, READ_CHUNK } from './fileBytes';
import { onceBytes } from './streamBytes';

const dir = mkdtempSync(join(tmpdir(), 'windowpane-bytes-'));

/** Bytes that differ at every offset (so a wrong skip shows). */
function pattern(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
  return bytes;
}

async function readAll(bytes: FileBytes, offset: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes.read(offset)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function readFirst(bytes: FileBytes, offset: number, n: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let got = 0;
  for await (const chunk of bytes.read(offset)) {
    chunks.push(chunk);
    got += chunk.length;
    if (got >= n) break; // breaking out ends this read, not the input
  }
  return Buffer.concat(chunks).subarray(0, n);
}

/** Equal bytes (no diff of megabytes when they are not). */
function expectSame(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length).toBe(expected.length);
  const first = actual.findIndex((b, i) => b !== expected[i]);
  expect(first, 'the first byte that differs').toBe(-1);
}

async function* chunked(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

describe('a file given with --input', () => {
  const data = pattern(2 * READ_CHUNK + 12_345);
  const path = join(dir, 'plain.csv');
  writeFileSync(path, data);

  it('reads from any offset in big chunks, with its size, and slices a range', async () => {
    const bytes = await openFileBytes(path);
    expect(bytes.size).toBe(data.length);
    expectSame(await readAll(bytes, 0), data);
    expectSame(await readAll(bytes, READ_CHUNK + 3), data.subarray(READ_CHUNK + 3));
    expectSame(new Uint8Array(await bytes.slice!(100, 100 + READ_CHUNK)), data.subarray(100, 100 + READ_CHUNK));
    expectSame(new Uint8Array(await bytes.slice!(data.length - 5, data.length + 10)), data.subarray(data.length - 5));
    let chunks = 0;
    for await (const chunk of bytes.read(0)) expect(chunk.length, `chunk ${chunks++}`).toBeLessThanOrEqual(READ_CHUNK);
    expect(chunks).toBe(3);
  });

  it('decompresses gzip, by the .gz extension or by its first bytes, and skips to an offset', async () => {
    writeFileSync(join(dir, 'data.csv.gz'), gzipSync(data));
    writeFileSync(join(dir, 'data-no-extension'), gzipSync(data));
    for (const name of ['data.csv.gz', 'data-no-extension']) {
      const bytes = await openFileBytes(join(dir, name));
      expect(bytes.size, name).toBeNull();
      expect(bytes.slice, name).toBeUndefined();
      expectSame(await readAll(bytes, 0), data);
      expectSame(await readAll(bytes, READ_CHUNK + 77), data.subarray(READ_CHUNK + 77));
    }
  });

  it('rejects a read of a corrupt gzip file with zlib\'s reason', async () => {
    const broken = gzipSync(data);
    broken.fill(0, 20, 400);
    writeFileSync(join(dir, 'broken.gz'), broken);
    await expect(readAll(await openFileBytes(join(dir, 'broken.gz')), 0)).rejects.toThrow(/invalid|incorrect|check/i);
  });

  it('says why a file cannot be opened', async () => {
    await expect(openFileBytes(join(dir, 'missing.csv'))).rejects.toThrow(/ENOENT/);
    await expect(openFileBytes(dir)).rejects.toThrow(/directory/);
  });
});

describe('standard input', () => {
  it('is read once: a read after the head was sniffed replays the head and goes on', async () => {
    const data = pattern(3 * HEAD_BYTES + 999);
    const bytes = onceBytes('-', chunked(data, 65_536));
    expect(bytes.size).toBeNull();
    expectSame(await readFirst(bytes, 0, HEAD_BYTES), data.subarray(0, HEAD_BYTES));
    expectSame(await readAll(bytes, 17), data.subarray(17));
  });

  it('cannot go back once it was read past the kept head, and says so', async () => {
    const data = pattern(5 * HEAD_BYTES);
    const bytes = onceBytes('-', chunked(data, 65_536));
    expect((await readAll(bytes, 0)).length).toBe(data.length);
    await expect(readAll(bytes, 0)).rejects.toThrow('standard input cannot be read again from byte 0');
  });

  it('keeps a short input whole, so it may be read again', async () => {
    const data = pattern(1000);
    const bytes = onceBytes('-', chunked(data, 100));
    expectSame(await readAll(bytes, 0), data);
    expectSame(await readAll(bytes, 990), data.subarray(990));
  });

  it('decompresses gzip by its first bytes', async () => {
    const data = pattern(HEAD_BYTES + 5);
    const bytes = onceBytes('-', chunked(gzipSync(data), 4096));
    expectSame(await readFirst(bytes, 0, 10), data.subarray(0, 10));
    expectSame(await readAll(bytes, 3), data.subarray(3));
  });
});
