import { describe, expect, it } from 'vitest';
import { validate } from '../../model';
import { toPipelineJson } from '../store/documentFormat';
import { EMPTY_DOCUMENT } from '../store/documentStore';
import { dataFileNode, looksLikeDataFile } from './dataFile';

const at = { x: 32, y: 48 };

describe('a dropped data file', () => {
  it('is recognised by name or type', () => {
    expect(looksLikeDataFile({ name: 'a.CSV', type: '' })).toBe(true);
    expect(looksLikeDataFile({ name: 'a.ndjson', type: '' })).toBe(true);
    expect(looksLikeDataFile({ name: 'x', type: 'text/csv' })).toBe(true);
    expect(looksLikeDataFile({ name: 'pipeline.json', type: 'application/json' })).toBe(false);
  });

  it('becomes a valid file source with its data inline and the event-time field guessed (CSV, ISO times)', () => {
    const csv = 'value,timestamp,city\n3,2024-01-01T00:00:00Z,Oslo\n5,2024-01-01T00:00:05Z,Rome\n';
    const made = dataFileNode(EMPTY_DOCUMENT, 'readings.csv', csv, at);
    expect(made).toMatchObject({ ok: true, rows: 2, eventTime: 'timestamp' });
    if (!made.ok) return;
    expect(made.node).toMatchObject({ id: 'file1', kind: 'source.file', name: 'readings.csv', position: at, params: { format: 'csv', eventTime: 'timestamp', data: csv, fileName: 'readings.csv' } });
    const checked = validate(JSON.parse(toPipelineJson({ ...EMPTY_DOCUMENT, nodes: [made.node] })));
    expect(checked.ok).toBe(true);
  });

  it('guesses epoch times by name in NDJSON, and a semicolon delimiter', () => {
    const ndjson = '{"user":"a","ts":1700000000000}\n{"user":"b","ts":1700000001000}\n';
    expect(dataFileNode(EMPTY_DOCUMENT, 'clicks.ndjson', ndjson, at)).toMatchObject({ ok: true, eventTime: 'ts', node: { params: { format: 'ndjson' } } });
    const semi = 'id;created_at\n1;1700000000\n2;1700000060\n';
    expect(dataFileNode(EMPTY_DOCUMENT, 's.csv', semi, at)).toMatchObject({ ok: true, eventTime: 'created_at', node: { params: { delimiter: ';' } } });
  });

  it('says why when no field reads as a time, or the file is empty', () => {
    const made = dataFileNode(EMPTY_DOCUMENT, 'n.csv', 'a,b\nx,1\ny,2\n', at);
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.message).toContain('it has a, b');
    expect(dataFileNode(EMPTY_DOCUMENT, 'e.csv', '  \n', at)).toEqual({ ok: false, message: 'e.csv is empty' });
  });
});
