import { describe, expect, it } from 'vitest';
import { validate } from '../../model';
import { withInlineText, withStoredFile } from './replaceParams';

const HASH = `sha256:${'ab'.repeat(32)}`;
const storedParams = {
  format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', fileName: 'big.csv',
  stored: { hash: HASH, size: 12_345 }, fields: [{ name: 'ts', type: 'time' }, { name: 'v', type: 'number' }],
};

function documentWith(params: Record<string, unknown>): unknown {
  return {
    format: 'windowpane.pipeline', version: 1, name: 'p',
    nodes: [{ id: 'f', kind: 'source.file', position: { x: 0, y: 0 }, params }, { id: 'out', kind: 'sink.collect', position: { x: 200, y: 0 } }],
    edges: [{ id: 'e', from: 'f', to: 'out' }],
  };
}

describe('withInlineText', () => {
  it('drops the stored reference and its fields, so the document stays valid', () => {
    const next = withInlineText(storedParams, 'ts,v\n1,2\n', 'small.csv');
    expect(next).toEqual({ format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', fileName: 'small.csv', data: 'ts,v\n1,2\n' });
    expect(validate(documentWith(next)).ok).toBe(true);
  });

  it('keeps the file name when none is given, and drops a parquet format text cannot have', () => {
    expect(withInlineText({ ...storedParams, format: 'parquet' }, 'ts,v\n1,2\n')).toEqual({ eventTime: 'ts', timeFormat: 'epochMillis', fileName: 'big.csv', data: 'ts,v\n1,2\n' });
  });
});

describe('withStoredFile', () => {
  it('replaces inline text by the reference', () => {
    const layout = { format: 'csv', delimiter: ',', eventTime: 'ts', fields: [{ name: 'ts', type: 'time' }] } as const;
    const next = withStoredFile({ eventTime: 'ts', timeFormat: 'epochMillis', data: 'ts\n1\n', fileName: 'a.csv' }, 'b.csv', { hash: HASH, size: 9 }, layout);
    expect(next['data']).toBeUndefined();
    expect(next['stored']).toEqual({ hash: HASH, size: 9 });
    expect(validate(documentWith(next)).ok).toBe(true);
  });
});
