import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HEAD_BYTES } from '../../engine/sources/file/stream';
import { describeDataFile } from './describeFile';

describe('describeDataFile', () => {
  it('reads a big file from its head only, cut at a row', async () => {
    const rows: string[] = ['ts,key,value'];
    let length = 0;
    for (let i = 0; length < HEAD_BYTES * 1.5; i++) {
      rows.push(`${1_700_000_000_000 + i},k${i % 10},${i}`);
      length += rows[rows.length - 1]!.length + 1;
    }
    const described = await describeDataFile(new Blob([`${rows.join('\n')}\n`]), 'big.csv');
    expect(described).toMatchObject({ ok: true, layout: { format: 'csv', eventTime: 'ts' } });
    if (!described.ok) return;
    expect(described.layout.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['ts:time', 'key:string', 'value:number']);
    expect(described.rows).toBeGreaterThan(0);
    expect(described.rows).toBeLessThan(rows.length - 1);
  });

  it('reads gzip of a text format by its magic bytes or name', async () => {
    const text = '{"at":"2024-01-01T00:00:00Z","n":1}\n{"at":"2024-01-01T00:00:01Z","n":2}\n';
    const described = await describeDataFile(new Blob([gzipSync(text)]), 'events.ndjson.gz');
    expect(described).toMatchObject({ ok: true, layout: { format: 'ndjson', eventTime: 'at' } });
  });

  it('says what is wrong with a file that is not data', async () => {
    const described = await describeDataFile(new Blob(['hello\nworld\n']), 'notes.csv');
    expect(described).toMatchObject({ ok: false });
    if (!described.ok) expect(described.message).toContain('no field of notes.csv reads as a time');
  });
});
