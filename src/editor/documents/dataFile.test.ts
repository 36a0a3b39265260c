import { describe, expect, it } from 'vitest';
import { validate } from '../../model';
import { toPipelineJson } from '../store/documentFormat';
import { EMPTY_DOCUMENT } from '../store/documentStore';
import { dataFileNode, looksLikeDataFile, readHead } from './dataFile';

const at = { x: 32, y: 48 };
const stored = { hash: `sha256:${'ab'.repeat(32)}`, size: 1234 };

describe('a dropped data file', () => {
  it('is recognised by name or type', () => {
    expect(looksLikeDataFile({ name: 'a.CSV', type: '' })).toBe(true);
    expect(looksLikeDataFile({ name: 'a.ndjson', type: '' })).toBe(true);
    expect(looksLikeDataFile({ name: 'a.tsv.gz', type: '' })).toBe(true);
    expect(looksLikeDataFile({ name: 'a.parquet', type: '' })).toBe(true);
    expect(looksLikeDataFile({ name: 'x', type: 'text/csv' })).toBe(true);
    expect(looksLikeDataFile({ name: 'pipeline.json', type: 'application/json' })).toBe(false);
  });

  it('becomes a valid file source that refers to the stored file, with its fields and no data (CSV, ISO times)', () => {
    const csv = 'value,timestamp,city\n3,2024-01-01T00:00:00Z,Oslo\n5,2024-01-01T00:00:05Z,Rome\n';
    const head = readHead('readings.csv', csv, true);
    expect(head).toMatchObject({ ok: true, rows: 2, layout: { format: 'csv', eventTime: 'timestamp' } });
    if (!head.ok) return;
    const node = dataFileNode(EMPTY_DOCUMENT, 'readings.csv', stored, head.layout, at);
    expect(node).toMatchObject({ id: 'file1', kind: 'source.file', name: 'readings.csv', position: at, params: { format: 'csv', eventTime: 'timestamp', fileName: 'readings.csv', stored } });
    expect(node.params.fields).toEqual([{ name: 'value', type: 'number' }, { name: 'timestamp', type: 'time' }, { name: 'city', type: 'string' }]);
    expect(node.params).not.toHaveProperty('data');
    const checked = validate(JSON.parse(toPipelineJson({ ...EMPTY_DOCUMENT, nodes: [node] })));
    expect(checked.ok).toBe(true);
  });

  it('guesses epoch times by name in NDJSON, a semicolon delimiter, and TSV', () => {
    const ndjson = '{"user":"a","ts":1700000000000}\n{"user":"b","ts":1700000001000}\n';
    expect(readHead('clicks.ndjson', ndjson, true)).toMatchObject({ ok: true, layout: { format: 'ndjson', eventTime: 'ts' } });
    const semi = 'id;created_at\n1;1700000000\n2;1700000060\n';
    expect(readHead('s.csv', semi, true)).toMatchObject({ ok: true, layout: { format: 'csv', delimiter: ';', eventTime: 'created_at' } });
    const tsv = 'ts\tv\n1700000000000\t1\n';
    const head = readHead('t.tsv', tsv, true);
    expect(head).toMatchObject({ ok: true, layout: { format: 'tsv', delimiter: '\t' } });
    if (head.ok) expect(dataFileNode(EMPTY_DOCUMENT, 't.tsv', stored, head.layout, at).params).not.toHaveProperty('delimiter');
  });

  it('reads a cut head to its last whole row (and a cut JSON array to its last whole object)', () => {
    const csv = 'ts,v\n1700000000000,1\n1700000001000,2\n17000000020';
    expect(readHead('c.csv', csv, false)).toMatchObject({ ok: true, rows: 2 });
    const json = '[{"ts":1700000000000,"v":1},{"ts":1700000001000,"v":2},{"ts":17000';
    expect(readHead('j.json', json, false)).toMatchObject({ ok: true, rows: 2, layout: { format: 'json', eventTime: 'ts' } });
  });

  it('keeps a preferred event-time field when it reads as a time', () => {
    const csv = 'ts,arrived_at\n1700000000000,2024-01-01T00:00:00Z\n';
    expect(readHead('c.csv', csv, true)).toMatchObject({ ok: true, layout: { eventTime: 'ts' } });
    expect(readHead('c.csv', csv, true, 'arrived_at')).toMatchObject({ ok: true, layout: { eventTime: 'arrived_at' } });
  });

  it('says why when no field reads as a time, or the file is empty', () => {
    const made = readHead('n.csv', 'a,b\nx,1\ny,2\n', true);
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.message).toContain('it has a, b');
    expect(readHead('e.csv', '  \n', true)).toEqual({ ok: false, message: 'e.csv is empty' });
  });
});
