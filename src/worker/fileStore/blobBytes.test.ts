import { describe, expect, it } from 'vitest';
import { blobBytes, REUSED_CHUNK_BYTES } from './blobBytes';

/** 1 MiB and a bit of varied bytes, so a chunk in the wrong place shows. */
const data = Uint8Array.from({ length: (1 << 20) + 12_345 }, (_, i) => (i * 7 + (i >> 9)) & 0xff);

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: Uint8Array; count: number }> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk.slice());
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, count: parts.length };
}

/** Where `a` and `b` first differ (-1: nowhere); toEqual on a megabyte is slow. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('blobBytes readReused', () => {
  it('yields the same bytes as read, from any offset', async () => {
    const bytes = blobBytes(new Blob([data]), 'data.bin');
    for (const offset of [0, 1, 65_535, REUSED_CHUNK_BYTES + 3, data.length - 1, data.length]) {
      const reused = await collect(bytes.readReused!(offset));
      expect(firstDifference(reused.bytes, data.subarray(offset))).toBe(-1);
    }
  });

  it('fills one buffer again and again: a chunk is given up (detached) when the next is asked for, never a fresh buffer per chunk', async () => {
    const chunks = blobBytes(new Blob([data]), 'data.bin').readReused!(0)[Symbol.asyncIterator]();
    const first = await chunks.next();
    expect(first.done).toBe(false);
    const chunk = first.value as Uint8Array;
    expect(chunk.length).toBeGreaterThan(0);
    expect(chunk.buffer.byteLength).toBe(REUSED_CHUNK_BYTES);
    await chunks.next();
    expect(chunk.length).toBe(0);
    await chunks.return?.();
  });

  it('breaking out of a read ends it without an error', async () => {
    const bytes = blobBytes(new Blob([data]), 'data.bin');
    let seen = 0;
    for await (const chunk of bytes.readReused!(0)) {
      seen += chunk.length;
      break;
    }
    expect(seen).toBeGreaterThan(0);
    expect((await collect(bytes.readReused!(0))).bytes.length).toBe(data.length);
  });
});
