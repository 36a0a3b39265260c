import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import { isUnframed, readEntries, readRecord, toRecord, unframedViewport } from './records';
import { readEditorDocument } from './savedDocument';

describe('stored records', () => {
  it('never read back as unframed, so a saved view is shown as it was left', () => {
    const store = createEditorStore();
    const viewport = unframedViewport();
    expect(isUnframed(viewport)).toBe(true);
    expect(isUnframed(unframedViewport())).toBe(true);
    expect(unframedViewport()).not.toBe(viewport);
    const { doc, selection } = store.getState();
    const read = readRecord(structuredClone(toRecord({ doc, selection, viewport })));
    expect(read.ok && isUnframed(read.snapshot.viewport)).toBe(false);
    expect(read.ok && read.snapshot.viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('round-trip what is on screen as plain JSON in the pipeline format', () => {
    const store = createEditorStore();
    const s = store.getState();
    const a = s.addNode('source.sample', { x: 3, y: 4 });
    const b = s.addNode('sink.collect', { x: 300, y: 4 });
    s.connect({ from: a, fromPort: 'out', to: b });
    s.select({ nodes: [b], edges: ['e1'] });
    s.setViewport({ x: 10, y: -20, zoom: 0.5 });
    const { doc, selection, viewport } = store.getState();
    const record = toRecord({ doc, selection, viewport });
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    expect(record.doc).toMatchObject({ format: 'windowpane.pipeline', version: 1 });
    expect(readRecord(structuredClone(record))).toEqual({ ok: true, snapshot: { doc, selection, viewport } });
  });

  it('refuse a value the editor could never have held, with validation problems', () => {
    const dangling = { format: 'windowpane.pipeline', version: 1, name: 'x', nodes: [], edges: [{ id: 'e1', from: 'a', to: 'b' }] };
    const read = readEditorDocument(dangling);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.length).toBeGreaterThan(0);
    expect(readRecord('nope').ok).toBe(false);
    expect(readRecord({ doc: null }).ok).toBe(false);
  });

  it('keep the well-formed entries of a damaged list', () => {
    expect(readEntries([{ id: 'a', name: 'A', updatedAt: 1 }, { id: 'a', name: 'again', updatedAt: 2 }, { id: 3 }, null])).toEqual({
      entries: [{ id: 'a', name: 'A', updatedAt: 1 }],
      dropped: 3,
    });
    expect(readEntries(undefined)).toEqual({ entries: [], dropped: 0 });
  });
});
