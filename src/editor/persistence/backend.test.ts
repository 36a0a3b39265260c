import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexedDbBackend } from './backend';

let databases = 0;
const fresh = () => indexedDbBackend(`windowpane-backend-test-${++databases}`, 'pipelines');

describe('the IndexedDB backend', () => {
  afterEach(() => vi.restoreAllMocks());

  it('commits every write at once, so a write started as the page goes away is not dropped with it', async () => {
    const backend = fresh();
    await backend.get('warm up');
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
    await backend.setMany([['a', { n: 1 }], ['b', 2]]);
    expect(commit).toHaveBeenCalledTimes(1);
    await backend.delMany(['b']);
    expect(commit).toHaveBeenCalledTimes(2);
    expect(await backend.get('a')).toEqual({ n: 1 });
    expect(await backend.get('b')).toBeUndefined();
  });

  it('rejects when a write cannot be stored', async () => {
    const backend = fresh();
    await expect(backend.setMany([['f', () => 1]])).rejects.toBeDefined();
    expect(await backend.get('f')).toBeUndefined();
  });
});
