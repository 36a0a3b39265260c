import { describe, expect, it } from 'vitest';
import { readImport } from '../transfer';
import { MAX_IMPORT_BYTES, MAX_IMPORT_EDGES, MAX_IMPORT_NODES } from './importLimits';
import { readImportFile, readImportText, type ImportProgress } from './readImport';

/** A valid chain: a sample source, `n - 2` filters, a collect sink. */
function chain(n: number, edgesPerLink = 1): string {
  const nodes: unknown[] = [{ id: 'n0', kind: 'source.sample', params: { stream: 'sensors', rate: 10 } }];
  for (let i = 1; i < n - 1; i++) nodes.push({ id: `n${i}`, kind: 'transform.filter', params: { expr: 'temperature > 0' } });
  nodes.push({ id: `n${n - 1}`, kind: 'sink.collect', params: {} });
  const edges: unknown[] = [];
  for (let i = 1; i < n; i++) for (let k = 0; k < edgesPerLink; k++) edges.push({ id: `e${i}_${k}`, from: `n${i - 1}`, to: `n${i}` });
  return JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: `chain ${n}`, nodes, edges });
}

describe('the import limits', () => {
  it(`opens a pipeline of ${MAX_IMPORT_NODES} nodes`, () => {
    const read = readImport(chain(MAX_IMPORT_NODES));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.doc.nodes).toHaveLength(MAX_IMPORT_NODES);
  });

  it('refuses one node more, naming the count, the limit and the path, before checking it', () => {
    const read = readImport(chain(MAX_IMPORT_NODES + 1));
    expect(read).toEqual({
      ok: false,
      problems: [{ path: 'nodes', message: 'the pipeline has 1,001 nodes; the canvas opens pipelines of at most 1,000 nodes, so it was not checked or opened' }],
    });
  });

  it('refuses more edges than the canvas draws', () => {
    const read = readImport(chain(400, 6));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problems).toHaveLength(1);
      expect(read.problems[0]).toMatchObject({ path: 'edges' });
      expect(read.problems[0]?.message).toContain(`at most ${MAX_IMPORT_EDGES.toLocaleString('en-US')} edges`);
    }
  });

  it('refuses text over the size limit without parsing it (no syntax error, no stack overflow)', () => {
    // 713,000 nodes, as a probe sent: over 20 MB, so refused by size at once.
    const huge = `{"format":"windowpane.pipeline","version":1,"name":"huge","edges":[],"nodes":[${Array.from({ length: 713_000 }, (_, i) => `{"id":"n${i}","kind":"transform.filter"}`).join(',')}]}`;
    expect(huge.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    const read = readImport(huge);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problems).toHaveLength(1);
      expect(read.problems[0]?.message).toMatch(/^the file is \d+\.\d MB; Windowpane imports pipelines of at most 20 MB, so it was not read$/);
    }
    const garbage = readImportText(`[${'9,'.repeat(MAX_IMPORT_BYTES / 2)}`, 'the pasted text');
    expect(garbage.ok ? null : garbage.problems[0]?.message).toMatch(/^the pasted text is 20\.0 MB; Windowpane imports pipelines of at most 20 MB/);
  });

  it('still reports a syntax error by line and column, and an empty file', () => {
    const read = readImportText('{\n  "nodes": [,]\n}', 'the file');
    expect(read.ok ? null : read.problems[0]).toMatchObject({ line: 2 });
    expect(readImportText('  \n', 'the pasted text')).toEqual({ ok: false, problems: [{ path: '', message: 'the pasted text is empty' }] });
  });
});

describe('reading an import file', () => {
  it('reports reading progress, then parsing and checking, and gives the document', async () => {
    const text = chain(600);
    const seen: ImportProgress[] = [];
    const read = await readImportFile(new Blob([text]), (p) => seen.push(p));
    expect(read.ok).toBe(true);
    const stages = seen.map((p) => p.stage);
    expect(stages[0]).toBe('reading');
    expect(stages.slice(-2)).toEqual(['parsing', 'checking']);
    const loaded = seen.flatMap((p) => (p.stage === 'reading' ? [p.loaded] : []));
    expect(loaded[0]).toBe(0);
    expect(loaded.at(-1)).toBe(text.length);
    expect([...loaded].sort((a, b) => a - b)).toEqual(loaded);
  });

  it('refuses a file over the size limit without reading a byte of it', async () => {
    const unreadable = { size: MAX_IMPORT_BYTES + 1, stream: () => { throw new Error('read'); }, text: () => { throw new Error('read'); } } as unknown as Blob;
    const seen: ImportProgress[] = [];
    const read = await readImportFile(unreadable, (p) => seen.push(p));
    expect(seen).toEqual([]);
    expect(read.ok ? null : read.problems[0]?.message).toBe('the file is 20.0 MB; Windowpane imports pipelines of at most 20 MB, so it was not read');
  });
});
