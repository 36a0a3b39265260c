import { describe, expect, it } from 'vitest';
import { TableBuffer } from './tableBuffer';
import { chunkOf } from './testing';

const result = (device: string, end: number, count: number, revision = 0) => ({ window_start: end - 10_000, window_end: end, device, count, revision });
const newestFirst = (table: TableBuffer) => Array.from({ length: table.size }, (_, i) => table.rowAt(i)!);

describe('TableBuffer', () => {
  it('holds rows newest first with the columns in the order they appeared', () => {
    const table = new TableBuffer(10, ['device']);
    table.ingest(chunkOf([result('a', 10_000, 1), result('b', 10_000, 2)]));
    expect(table.columns.map((c) => c.name)).toEqual(['window_start', 'window_end', 'device', 'count', 'revision']);
    expect(table.columns[0]!.type).toBe('time');
    expect(newestFirst(table).map((r) => r.cells[2])).toEqual(['b', 'a']);
  });

  it('keeps only the newest maxRows rows', () => {
    const table = new TableBuffer(3, ['device']);
    for (let i = 1; i <= 5; i++) table.ingest(chunkOf([result('a', i * 10_000, i)]));
    expect(table.size).toBe(3);
    expect(newestFirst(table).map((r) => r.cells[3])).toEqual([5, 4, 3]);
    expect([...table.oldestFirst()].map((r) => r.cells[3])).toEqual([3, 4, 5]);
  });

  it('trims the oldest chunk partly when only some of its rows fall off', () => {
    const table = new TableBuffer(3, []);
    table.ingest(chunkOf([1, 2, 3, 4, 5].map((n) => ({ n }))));
    expect(newestFirst(table).map((r) => r.cells[0])).toEqual([5, 4, 3]);
    table.ingest(chunkOf([{ n: 6 }]));
    expect([...table.oldestFirst()].map((r) => r.cells[0])).toEqual([4, 5, 6]);
  });

  it('takes a 50,000-row chunk of raw records whole and reads back only the rows asked for', () => {
    const table = new TableBuffer(100_000, []);
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ ts: i, device: `d${i % 7}`, temperature: i / 2 }));
    const chunk = chunkOf(rows);
    const started = performance.now();
    table.ingest(chunk);
    table.ingest(chunk);
    expect(performance.now() - started).toBeLessThan(50);
    expect(table.size).toBe(100_000);
    expect(table.rowAt(0)!.cells).toEqual([49_999, 'd5', 24_999.5]);
    expect(table.rowAt(99_999)!.seq).toBe(0);
  });

  it('marks the row a revision replaces as superseded, and only that one', () => {
    const table = new TableBuffer(10, ['device']);
    table.ingest(chunkOf([result('a', 10_000, 1), result('b', 10_000, 1)]));
    table.ingest(chunkOf([result('a', 10_000, 2, 1)]));
    const [revised, b, a] = newestFirst(table);
    expect(revised).toMatchObject({ revision: 1, superseded: false });
    expect(a).toMatchObject({ revision: 0, superseded: true });
    expect(b!.superseded).toBe(false);
    table.ingest(chunkOf([result('a', 10_000, 3, 2)]));
    expect(newestFirst(table)[1]).toMatchObject({ revision: 1, superseded: true });
  });

  it('stays fast and correct with 100,000 rows cycling through the ring', () => {
    const table = new TableBuffer(100_000, ['device']);
    const rows = Array.from({ length: 1000 }, (_, i) => result(`k${i % 50}`, 10_000 * (1 + Math.floor(i / 50)), i));
    const started = performance.now();
    for (let round = 0; round < 150; round++) table.ingest(chunkOf(rows.map((r) => ({ ...r, window_end: r.window_end + round * 1e7 }))));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(table.size).toBe(100_000);
    expect(table.rowAt(0)!.seq).toBe(149_999);
    expect(table.rowAt(99_999)!.seq).toBe(50_000);
  });

  it('fills cells of a column that appears later with null for older rows', () => {
    const table = new TableBuffer(10, []);
    table.ingest(chunkOf([{ count: 1 }]));
    table.ingest(chunkOf([{ count: 2, extra: 'x' }]));
    expect(newestFirst(table).map((r) => r.cells[1] ?? null)).toEqual(['x', null]);
  });

  it('empties on clear', () => {
    const table = new TableBuffer(10, []);
    table.ingest(chunkOf([{ count: 1 }]));
    table.clear();
    expect(table.size).toBe(0);
    expect(table.columns).toEqual([]);
  });
});
