import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEditorStore, type EditorStore } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { indexedDbBackend, memoryBackend, type KeyValueBackend } from './backend';
import { createDocumentSession, type SessionOptions } from './documentSession';

let databases = 0;
/** A fresh IndexedDB database (fake-indexeddb) per test, so tests cannot see each other's pipelines. */
function freshDatabase(): KeyValueBackend {
  databases += 1;
  return indexedDbBackend(`windowpane-test-${databases}`, 'pipelines');
}

/** A page load: a new editor store and session over the same storage, restored. */
async function load(backend: KeyValueBackend, options: Partial<SessionOptions> = {}) {
  const editor = createEditorStore();
  let id = 0;
  let clock = 1_000;
  const session = createDocumentSession(editor, {
    backend,
    newId: () => `p${++id}-${Math.random().toString(36).slice(2, 6)}`,
    now: () => (clock += 1000),
    // Writes happen only on flush(), so a test decides when "later" is.
    schedule: () => () => {},
    ...options,
  });
  await session.restore();
  return { editor, session };
}

function chain(editor: EditorStore): void {
  const s = editor.getState();
  const src = s.addNode('source.sample', { x: 0, y: 0 });
  const win = s.addNode('window.tumbling', { x: 200, y: 40 });
  const agg = s.addNode('aggregate', { x: 400, y: 80 });
  s.connect({ from: src, fromPort: 'out', to: win });
  s.connect({ from: win, fromPort: 'out', to: agg });
}

const names = (session: { state: { getState(): { pipelines: readonly { name: string }[] } } }) =>
  session.state.getState().pipelines.map((p) => p.name).sort();

describe('the documents session', () => {
  it('starts an empty, untitled pipeline on a first visit', async () => {
    const { editor, session } = await load(freshDatabase());
    expect(editor.getState().doc).toMatchObject({ name: 'Untitled pipeline', nodes: [], edges: [] });
    expect(session.state.getState().pipelines).toHaveLength(1);
    expect(session.state.getState().notice).toBeNull();
  });

  it('brings back the document, selection and viewport after a reload, with no undo history', async () => {
    const backend = freshDatabase();
    const first = await load(backend);
    chain(first.editor);
    first.editor.getState().select({ nodes: ['tumbling1'], edges: ['e2'] });
    first.editor.getState().setViewport({ x: -120.5, y: 40, zoom: 1.75 });
    first.editor.getState().renameDocument('Per minute');
    await first.session.flush();

    const second = await load(backend);
    const state = second.editor.getState();
    expect(state.doc).toEqual(first.editor.getState().doc);
    expect(state.selection).toEqual({ nodes: ['tumbling1'], edges: ['e2'] });
    expect(state.viewport).toEqual({ x: -120.5, y: 40, zoom: 1.75 });
    expect(second.editor.temporal.getState().pastStates).toHaveLength(0);
    expect(names(second.session)).toEqual(['Per minute']);
  });

  it('keeps a half-built, invalid pipeline exactly as it was on screen', async () => {
    const backend = freshDatabase();
    const first = await load(backend);
    const w = first.editor.getState().addNode('window.tumbling', { x: 5, y: 6 });
    first.editor.getState().setParams(w, { size: '5 minutes' });
    await first.session.flush();
    const second = await load(backend);
    expect(second.editor.getState().doc.nodes).toEqual([{ id: 'tumbling1', kind: 'window.tumbling', position: { x: 5, y: 6 }, params: { size: '5 minutes' } }]);
    expect(second.session.state.getState().notice).toBeNull();
  });

  it('coalesces a burst of changes into one write', async () => {
    const backend = memoryBackend();
    let writes = 0;
    const counting: KeyValueBackend = { ...backend, setMany: (entries) => { writes += 1; return backend.setMany(entries); } };
    const pending: (() => void)[] = [];
    const { editor, session } = await load(counting, { schedule: (task) => { pending.push(task); return () => {}; } });
    writes = 0;
    for (let x = 0; x < 50; x++) editor.getState().setViewport({ x, y: 0, zoom: 1 });
    expect(pending).toHaveLength(1);
    pending[0]!();
    await session.flush();
    expect(writes).toBe(1);
    expect(session.state.getState().status).toBe('saved');
  });

  it('keeps several pipelines: create, open, rename, duplicate', async () => {
    const backend = freshDatabase();
    const { editor, session } = await load(backend);
    chain(editor);
    await session.rename(session.state.getState().openId, 'First');
    const firstId = session.state.getState().openId;
    await session.createBlank();
    expect(editor.getState().doc.nodes).toHaveLength(0);
    editor.getState().addNode('sink.log', { x: 1, y: 1 });
    const secondId = session.state.getState().openId;
    expect(secondId).not.toBe(firstId);

    expect((await session.open(firstId)).ok).toBe(true);
    expect(editor.getState().doc.nodes).toHaveLength(3);
    expect(editor.temporal.getState().pastStates).toHaveLength(0);
    expect((await session.rename(secondId, 'Second')).ok).toBe(true);
    expect((await session.duplicate(firstId)).ok).toBe(true);
    expect(editor.getState().doc.name).toBe('First copy');
    expect(names(session)).toEqual(['First', 'First copy', 'Second']);

    // The unsaved change to the second pipeline was saved when the first was opened.
    const reloaded = await load(backend);
    expect(names(reloaded.session)).toEqual(['First', 'First copy', 'Second']);
    expect(reloaded.editor.getState().doc.name).toBe('First copy');
    expect((await reloaded.session.open(secondId)).ok).toBe(true);
    expect(reloaded.editor.getState().doc).toMatchObject({ name: 'Second', nodes: [{ kind: 'sink.log' }] });
  });

  it('deletes a pipeline and brings it back with Undo', async () => {
    const backend = freshDatabase();
    const { editor, session } = await load(backend);
    chain(editor);
    await session.rename(session.state.getState().openId, 'Keep me');
    const id = session.state.getState().openId;
    await session.remove(id);
    expect(names(session)).toEqual(['Untitled pipeline']);
    expect(editor.getState().doc.nodes).toHaveLength(0);
    const notice = session.state.getState().notice;
    expect(notice?.message).toBe('Deleted “Keep me”.');
    notice?.action?.run();
    await session.flush();
    await session.open(id);
    expect(session.state.getState().openId).toBe(id);
    expect(editor.getState().doc.nodes).toHaveLength(3);
    // The empty pipeline started in its place went away again.
    expect(names(session)).toEqual(['Keep me']);
    expect(names(await load(backend).then((r) => r.session))).toEqual(['Keep me']);
  });

  it('opens an import as a pipeline of its own, reusing an untouched empty one', async () => {
    const { editor, session } = await load(freshDatabase());
    const imported: EditorDocument = { name: 'Imported', nodes: [{ id: 'a', kind: 'sink.log', position: { x: 0, y: 0 }, params: {} }], edges: [] };
    await session.openAsNew(imported);
    expect(names(session)).toEqual(['Imported']);
    await session.openAsNew({ ...imported, name: 'Second import' });
    expect(names(session)).toEqual(['Imported', 'Second import']);
    expect(editor.getState().doc.name).toBe('Second import');
  });

  it('gives a pipeline opened from an example or a file a name no other pipeline has', async () => {
    const backend = freshDatabase();
    const { editor, session } = await load(backend);
    const card: EditorDocument = { name: 'Card spend', nodes: [{ id: 'a', kind: 'sink.log', position: { x: 0, y: 0 }, params: {} }], edges: [] };
    await session.openAsNew(card);
    await session.openAsNew(card);
    expect(editor.getState().doc.name).toBe('Card spend (2)');
    await session.openAsNew(card);
    // A file whose name is numbered already counts on from the highest.
    await session.openAsNew({ ...card, name: 'Card spend (2)' });
    expect(editor.getState().doc.name).toBe('Card spend (4)');
    await session.openAsNew({ ...card, name: 'Other' });
    expect(names(session)).toEqual(['Card spend', 'Card spend (2)', 'Card spend (3)', 'Card spend (4)', 'Other']);
    await session.flush();
    expect(names(await load(backend).then((r) => r.session))).toEqual(['Card spend', 'Card spend (2)', 'Card spend (3)', 'Card spend (4)', 'Other']);
  });

  it('opens an import over an untouched empty pipeline as a new pipeline, with an id of its own', async () => {
    const backend = freshDatabase();
    const { session } = await load(backend);
    const emptyId = session.state.getState().openId;
    await session.openAsNew({ name: 'Untitled pipeline', nodes: [{ id: 'a', kind: 'sink.log', position: { x: 0, y: 0 }, params: {} }], edges: [] });
    const id = session.state.getState().openId;
    // The open id is what a run belongs to: a new document on screen is a new pipeline.
    expect(id).not.toBe(emptyId);
    // The empty one went, so its name is free.
    expect(names(session)).toEqual(['Untitled pipeline']);
    expect(await backend.get(`pipeline:${emptyId}`)).toBeUndefined();
    expect(await backend.get(`pipeline:${id}`)).toBeDefined();
  });

  it('starts a fresh pipeline and says so when the open record cannot be read, keeping the damaged one listed', async () => {
    const backend = memoryBackend([
      ['pipelines', [{ id: 'bad', name: 'Broken', updatedAt: 5 }]],
      ['open', 'bad'],
      ['pipeline:bad', { doc: { format: 'windowpane.pipeline', version: 1, name: 'Broken', nodes: 'not a list', edges: [] }, selection: null, viewport: 7 }],
    ]);
    const { editor, session } = await load(backend);
    expect(editor.getState().doc).toMatchObject({ name: 'Untitled pipeline', nodes: [] });
    expect(session.state.getState().notice).toMatchObject({ tone: 'error' });
    expect(session.state.getState().notice?.message).toContain('“Broken” could not be opened (nodes: ');
    expect(names(session)).toEqual(['Broken', 'Untitled pipeline']);
    const opened = await session.open('bad');
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.problems.map((p) => p.path)).toContain('nodes');
  });

  it('does not open a document from a newer version, and says why', async () => {
    const backend = memoryBackend([
      ['pipelines', [{ id: 'new', name: 'From the future', updatedAt: 5 }]],
      ['open', 'new'],
      ['pipeline:new', { doc: { format: 'windowpane.pipeline', version: 99, name: 'x', nodes: [], edges: [] }, selection: { nodes: [], edges: [] }, viewport: { x: 0, y: 0, zoom: 1 } }],
    ]);
    const { session } = await load(backend);
    expect(session.state.getState().notice?.message).toMatch(/version/);
  });

  it('survives a list that is not a list, and a selection and viewport that make no sense', async () => {
    const garbage = await load(memoryBackend([['pipelines', 'garbage']]));
    expect(garbage.editor.getState().doc.name).toBe('Untitled pipeline');
    expect(garbage.session.state.getState().notice?.tone).toBe('error');

    const doc = { format: 'windowpane.pipeline', version: 1, name: 'Odd', nodes: [{ id: 'a', kind: 'sink.log', position: { x: 0, y: 0 }, params: {} }], edges: [] };
    const odd = await load(memoryBackend([
      ['pipelines', [{ id: 'o', name: 'Odd', updatedAt: 1 }]],
      ['pipeline:o', { doc, selection: { nodes: ['a', 'gone', 3] }, viewport: { x: 1, y: 2, zoom: 0 } }],
    ]));
    expect(odd.editor.getState().selection).toEqual({ nodes: ['a'], edges: [] });
    expect(odd.editor.getState().viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('keeps working in memory, and says so, when storage refuses', async () => {
    const refusing: KeyValueBackend = {
      get: () => Promise.reject(new Error('denied')),
      setMany: () => Promise.reject(new Error('denied')),
      delMany: () => Promise.reject(new Error('denied')),
    };
    const { editor, session } = await load(refusing);
    expect(session.state.getState().status).toBe('memory');
    expect(session.state.getState().notice?.message).toContain('denied');
    editor.getState().addNode('sink.log', { x: 0, y: 0 });
    await session.flush();
    expect(await session.createBlank()).toEqual({ ok: true });
  });
});

describe('restoreEditor', () => {
  it('restores into the store once and hands the documents bar the same session', async () => {
    const { restoreEditor, documentSessionFor } = await import('./restoreEditor');
    const backend = freshDatabase();
    const before = await load(backend);
    before.editor.getState().addNode('sink.log', { x: 0, y: 0 });
    await before.session.flush();
    const store = createEditorStore();
    const session = await restoreEditor(store, backend);
    expect(store.getState().doc.nodes).toHaveLength(1);
    expect(documentSessionFor(store)).toBe(session);
    expect(await restoreEditor(store, backend)).toBe(session);
    session.dispose();
  });
});
