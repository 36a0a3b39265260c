import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileStore, formatBytes, hashBlob, HASH_CHUNK_BYTES } from './store';

let databases = 0;
const freshStore = () => createFileStore(`files-test-${++databases}`);

function sha(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

describe('hashBlob', () => {
  it('is the SHA-256 of the bytes, also across chunk boundaries', async () => {
    const bytes = new Uint8Array(HASH_CHUNK_BYTES * 2 + 12345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 255;
    const done: number[] = [];
    expect(await hashBlob(new Blob([bytes]), (n) => done.push(n))).toBe(sha(bytes));
    expect(done).toEqual([HASH_CHUNK_BYTES, HASH_CHUNK_BYTES * 2, bytes.length]);
    expect(await hashBlob(new Blob([]))).toBe(sha(new Uint8Array(0)));
  });
});

describe('the file store', () => {
  it('stores a file under its hash and gives it back', async () => {
    const store = freshStore();
    const text = 'ts,v\n1,2\n';
    const record = await store.put(new Blob([text]), 'a.csv');
    expect(record.hash).toBe(sha(new TextEncoder().encode(text)));
    expect(record).toMatchObject({ size: text.length, name: 'a.csv' });
    const back = await store.get(record.hash);
    expect(back?.name).toBe('a.csv');
    expect(await back?.blob.text()).toBe(text);
    expect(await store.get(`sha256:${'0'.repeat(64)}`)).toBeNull();
  });

  it('keeps the same bytes once, under the first name', async () => {
    const store = freshStore();
    const first = await store.put(new Blob(['x,y\n']), 'first.csv');
    const again = await store.put(new Blob(['x,y\n']), 'second.csv');
    expect(again.hash).toBe(first.hash);
    expect(again.name).toBe('first.csv');
    expect(again.storedAt).toBe(first.storedAt);
  });

  afterEach(() => {
    vi.doUnmock('idb-keyval');
    vi.resetModules();
  });

  it('asks the browser once to keep its storage, when the first file is stored', async () => {
    vi.resetModules();
    const persist = vi.fn(() => Promise.resolve(true));
    vi.stubGlobal('navigator', { storage: { persisted: () => Promise.resolve(false), persist } });
    try {
      const { createFileStore: create } = await import('./store');
      const store = create(`files-test-${++databases}`);
      await store.get(`sha256:${'1'.repeat(64)}`);
      expect(persist).not.toHaveBeenCalled();
      await store.put(new Blob(['a\n']), 'a.csv');
      await store.put(new Blob(['b\n']), 'b.csv');
      await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('says clearly when the quota is exceeded, and keeps nothing', async () => {
    vi.resetModules();
    vi.doMock('idb-keyval', async (original) => ({
      ...(await original<typeof import('idb-keyval')>()),
      set: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    }));
    const { createFileStore: create, FileStoreError } = await import('./store');
    const store = create(`files-test-${++databases}`);
    const put = store.put(new Blob(['ts\n1\n']), 'big.csv');
    await expect(put).rejects.toBeInstanceOf(FileStoreError);
    await expect(put).rejects.toThrow(/big\.csv \(5 bytes\) could not be kept: this browser's storage for Windowpane is full/);
    await expect(put).rejects.toMatchObject({ quota: true });
  });
});

describe('formatBytes', () => {
  it('reads as people write sizes', () => {
    expect([1, 999, 1000, 15_300, 4_200_000, 1_073_741_824].map(formatBytes)).toEqual(['1 byte', '999 bytes', '1.0 KB', '15 KB', '4.2 MB', '1.1 GB']);
  });
});
