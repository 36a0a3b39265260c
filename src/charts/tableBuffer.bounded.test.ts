import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TableBuffer } from './tableBuffer';
import { chunkOf } from './testing';

// Counts the window identities the table builds: the per-row work of taking in results.
const counted = vi.hoisted(() => ({ keys: 0 }));
vi.mock('./cells', async (original) => {
  const actual = await original<typeof import('./cells')>();
  return { ...actual, keyOf: (...args: Parameters<typeof actual.keyOf>) => (counted.keys++, actual.keyOf(...args)) };
});

const result = (device: string, end: number, count: number, revision = 0) => ({ window_start: end - 10_000, window_end: end, device, count, revision });
const newestFirst = (table: TableBuffer) => Array.from({ length: table.size }, (_, i) => table.rowAt(i)!);

describe('TableBuffer work per update', () => {
  beforeEach(() => { counted.keys = 0; });

  it('takes in chunks with no revised row without touching their rows', () => {
    const table = new TableBuffer(100, ['device']);
    for (let c = 0; c < 10; c++) table.ingest(chunkOf(Array.from({ length: 1000 }, (_, i) => result(`d${i % 50}`, (c * 1000 + i) * 10_000, i))));
    expect(table.size).toBe(100);
    expect(counted.keys).toBe(0);
  });

  it('on the first revised row indexes only the rows held and the new ones, and marks the replaced row', () => {
    const table = new TableBuffer(100, ['device']);
    for (let c = 0; c < 10; c++) table.ingest(chunkOf(Array.from({ length: 1000 }, (_, i) => result(`d${c}-${i}`, 10_000, i))));
    // The newest held row is d9-999's window; its revision arrives in a chunk of 5.
    table.ingest(chunkOf([result('x', 20_000, 1), result('y', 20_000, 1), result('z', 20_000, 1), result('w', 20_000, 1), result('d9-999', 10_000, 7, 1)]));
    expect(counted.keys).toBeLessThanOrEqual(100 + 5);
    const rows = newestFirst(table);
    expect(rows[0]).toMatchObject({ revision: 1, superseded: false });
    expect(rows[5]).toMatchObject({ revision: 0, superseded: true });
    expect(rows[5]!.cells[2]).toBe('d9-999');
    expect(rows.filter((r) => r.superseded)).toHaveLength(1);
  });

  it('indexes a chunk bigger than the table only for the rows it keeps', () => {
    const table = new TableBuffer(100, ['device']);
    table.ingest(chunkOf(Array.from({ length: 20_000 }, (_, i) => result(`d${i}`, 10_000, i, 1))));
    expect(table.size).toBe(100);
    expect(counted.keys).toBeLessThanOrEqual(100);
  });
});
