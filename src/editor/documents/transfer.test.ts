import { describe, expect, it } from 'vitest';
import { fromPipelineJson, toPipelineJson } from '../store/documentFormat';
import { exampleCards } from './examples';
import { galleryCards, readCard } from './gallery';
import { exportFileName, looksLikeJsonFile, readImport } from './transfer';

describe('export and import', () => {
  it('gives back the same bytes for every example: export, import, export', () => {
    expect(exampleCards.length).toBeGreaterThan(0);
    for (const card of exampleCards) {
      const opened = readCard(card);
      expect(opened.ok, card.slug).toBe(true);
      if (!opened.ok) continue;
      const exported = toPipelineJson(opened.doc);
      const imported = readImport(exported);
      expect(imported.ok, card.slug).toBe(true);
      if (imported.ok) expect(toPipelineJson(imported.doc), card.slug).toBe(exported);
    }
  });

  it('reports a syntax error with its line and column', () => {
    const read = readImport('{\n  "format": "windowpane.pipeline",\n  "version": 1,\n  "name": "x",\n  "nodes": [,]\n}');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatchObject({ line: 5, column: expect.any(Number) as number });
  });

  it('reports every problem of an invalid document', () => {
    const read = readImport(JSON.stringify({
      format: 'windowpane.pipeline', version: 1, name: 'bad',
      nodes: [{ id: 'w', kind: 'window.tumbling', params: { size: 'soon' } }, { id: 's', kind: 'source.nope', params: {} }],
      edges: [{ id: 'e1', from: 'x', to: 'w' }],
    }));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problems.length).toBeGreaterThanOrEqual(3);
      expect(read.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['nodes[0].params.size', 'nodes[1].kind']));
    }
  });

  it('says an empty file is empty', () => {
    expect(readImport('  \n')).toEqual({ ok: false, problems: [{ path: '', message: 'the file is empty' }] });
  });

  it('names the download after the pipeline, safely', () => {
    expect(exportFileName('Card spend')).toBe('Card spend.windowpane.json');
    expect(exportFileName('a/b\\c: "d"?')).toBe('a-b-c- -d-.windowpane.json');
    expect(exportFileName('  ')).toBe('pipeline.windowpane.json');
    expect(exportFileName('..hidden')).toBe('hidden.windowpane.json');
  });

  it('takes .json files by name or type', () => {
    expect(looksLikeJsonFile({ name: 'x.JSON', type: '' })).toBe(true);
    expect(looksLikeJsonFile({ name: 'x', type: 'application/json' })).toBe(true);
    expect(looksLikeJsonFile({ name: 'x.png', type: 'image/png' })).toBe(false);
  });
});

describe('the examples gallery', () => {
  it('makes a card per file with title, sentence and node count, sorted by title', () => {
    const cards = galleryCards({
      '../examples/b.json': { name: 'Beta', description: ' Two nodes. ', nodes: [{}, {}] },
      '../examples/a.json': { nodes: 'oops' },
    });
    expect(cards.map((c) => [c.slug, c.title, c.sentence, c.nodeCount])).toEqual([['a', 'a', '', 0], ['b', 'Beta', 'Two nodes.', 2]]);
    expect(readCard(cards[0]!).ok).toBe(false);
  });

  it('names the files an example needs: its file sources without data', () => {
    const [card] = galleryCards({
      '../examples/taxi.json': { name: 'Taxi', nodes: [
        { kind: 'source.file', params: { fileName: 'nyc_taxi.csv' } },
        { kind: 'source.file', params: { data: 'ts,v\n1,2', fileName: 'inline.csv' } },
        { kind: 'source.file', params: {} },
        { kind: 'source.sample', params: { fileName: 'not a file source' } },
      ] },
    });
    expect(card?.needsFiles).toEqual(['nyc_taxi.csv', 'a data file']);
    const taxi = exampleCards.find((c) => c.slug === 'nyc-taxi-daily');
    expect(taxi?.needsFiles).toEqual(['nyc_taxi.csv']);
    // The app's words: the CLI's --input means nothing in the gallery.
    expect(exampleCards.every((c) => !c.sentence.includes('--input'))).toBe(true);
  });

  it('lists every bundled example with a sentence', () => {
    for (const card of exampleCards) {
      expect(card.sentence, card.slug).not.toBe('');
      expect(card.nodeCount, card.slug).toBeGreaterThan(0);
      const read = fromPipelineJson(JSON.stringify(card.source));
      expect(read.ok, card.slug).toBe(true);
    }
  });
});
