import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { StoredFileRecord } from '../../worker/fileStore/types';
import { EMPTY_DOCUMENT } from '../store/documentStore';
import type { EditorDocument, EditorNode } from '../store/types';
import { filesToAskFor, forShareLink, inlineSmallFiles } from './fileReferences';

const hash = (c: string) => `sha256:${c.repeat(64)}`;

function source(id: string, params: Record<string, unknown>): EditorNode {
  return { id, kind: 'source.file', name: id, position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'ts', ...params } };
}

function record(h: string, bytes: Uint8Array | string, name: string): StoredFileRecord {
  const blob = new Blob([bytes as BlobPart]);
  return { hash: h, size: blob.size, name, storedAt: 0, blob };
}

describe('export with data', () => {
  it('inlines stored files under the limit, gzip undone, and says which stayed references', async () => {
    const text = 'ts,v\n1,2\n';
    const files = new Map([
      [hash('a'), record(hash('a'), text, 'small.csv')],
      [hash('b'), record(hash('b'), gzipSync(text), 'small.csv.gz')],
      [hash('c'), record(hash('c'), 'x'.repeat(200), 'big.csv')],
      [hash('e'), record(hash('e'), gzipSync('y'.repeat(500)), 'bomb.csv.gz')],
    ]);
    const doc: EditorDocument = {
      ...EMPTY_DOCUMENT,
      nodes: [
        source('a', { fileName: 'small.csv', stored: { hash: hash('a'), size: text.length }, fields: [{ name: 'ts', type: 'time' }] }),
        source('b', { fileName: 'small.csv.gz', stored: { hash: hash('b'), size: 30 } }),
        source('c', { fileName: 'big.csv', stored: { hash: hash('c'), size: 200 } }),
        source('d', { fileName: 'elsewhere.csv', stored: { hash: hash('d'), size: 10 } }),
        source('e', { fileName: 'bomb.csv.gz', stored: { hash: hash('e'), size: 40 } }),
        source('p', { format: 'parquet', fileName: 'p.parquet', stored: { hash: hash('f'), size: 10 } }),
        source('i', { data: text }),
      ],
    };
    const done = await inlineSmallFiles(doc, (h) => Promise.resolve(files.get(h) ?? null), 100);
    expect(done.inlined.map((r) => r.nodeId)).toEqual(['a', 'b']);
    expect(done.tooBig.map((r) => r.nodeId)).toEqual(['c', 'e']);
    expect(done.missing.map((r) => r.nodeId)).toEqual(['d']);
    expect(done.notText.map((r) => r.nodeId)).toEqual(['p']);
    const params = new Map(done.doc.nodes.map((n) => [n.id, n.params]));
    expect(params.get('a')).toEqual({ format: 'csv', eventTime: 'ts', fileName: 'small.csv', fields: [{ name: 'ts', type: 'time' }], data: text });
    expect(params.get('b')).toMatchObject({ data: text });
    expect(params.get('b')).not.toHaveProperty('stored');
    expect(params.get('c')).toHaveProperty('stored');
    expect(params.get('c')).not.toHaveProperty('data');
    // The document on screen is not touched.
    expect(doc.nodes[0]!.params).toHaveProperty('stored');
  });
});

describe('share links', () => {
  it('leave big inline data out, keep references, and name what the recipient is asked for', () => {
    const doc: EditorDocument = {
      ...EMPTY_DOCUMENT,
      nodes: [
        source('big', { data: `ts\n${'1\n'.repeat(100)}`, fileName: 'big.csv' }),
        source('small', { data: 'ts\n1\n' }),
        source('ref', { fileName: 'r.csv', stored: { hash: hash('a'), size: 4_200_000 } }),
      ],
    };
    const shared = forShareLink(doc, 100);
    expect(shared.leftOut).toEqual([{ name: 'big.csv', size: 203 }]);
    expect(shared.doc.nodes[0]!.params).toEqual({ format: 'csv', eventTime: 'ts', fileName: 'big.csv' });
    expect(shared.doc.nodes[1]!.params).toHaveProperty('data', 'ts\n1\n');
    expect(filesToAskFor(shared.doc)).toEqual([{ name: 'big.csv', size: null }, { name: 'r.csv', size: 4_200_000 }]);
  });
});
