import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import { memoryBackend, type KeyValueBackend } from './backend';
import { createDocumentSession } from './documentSession';
import sensors from '../../../examples/sensor-averages.json';

/** A page load over `backend`: writes happen only on flush(), so the test decides when "later" is. */
async function load(backend: KeyValueBackend) {
  const editor = createEditorStore();
  let id = 0;
  const session = createDocumentSession(editor, { backend, newId: () => `new${++id}`, now: () => 5_000, schedule: () => () => {} });
  await session.restore();
  return { editor, session };
}

/** A record an older Windowpane wrote, that took the page down: a kind of "__proto__", selected. */
function hostileRecord() {
  const doc = JSON.parse(JSON.stringify(sensors).replace('"window.tumbling"', '"__proto__"')) as unknown;
  return { doc, selection: { nodes: ['minute'], edges: [] }, viewport: { x: 0, y: 0, zoom: 1 } };
}

describe('a saved pipeline that fails validation', () => {
  it('is kept aside unchanged while a usable new pipeline opens, and the notice says where the problem is', async () => {
    const record = hostileRecord();
    const backend = memoryBackend([
      ['pipelines', [{ id: 'old', name: 'Sensor averages', updatedAt: 1 }]],
      ['open', 'old'],
      ['pipeline:old', record],
    ]);
    const { editor, session } = await load(backend);
    expect(editor.getState().doc).toMatchObject({ name: 'Untitled pipeline', nodes: [] });
    const notice = session.state.getState().notice;
    expect(notice?.tone).toBe('error');
    expect(notice?.message).toContain('“Sensor averages” could not be opened (nodes[2].kind: ');
    expect(notice?.message).toContain('kept unchanged in the Pipelines menu');
    expect(session.state.getState().pipelines.map((p) => p.id)).toEqual(['old', 'new1']);

    // Working on the new pipeline never touches the one kept aside.
    editor.getState().addNode('sink.log', { x: 0, y: 0 });
    await session.flush();
    expect(backend.data.get('pipeline:old')).toEqual(record);

    const opened = await session.open('old');
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.problems.map((p) => p.path)).toContain('nodes[2].kind');
    expect(session.state.getState().openId).toBe('new1');
    const json = await session.storedJson('old');
    expect(JSON.parse(json ?? 'null')).toEqual(record.doc);
    expect(await session.storedJson('missing')).toBeUndefined();
  });
});

describe('autosave while a panel has failed', () => {
  it('stores nothing until the panel renders again, then stores what is on screen', async () => {
    const backend = memoryBackend();
    const { editor, session } = await load(backend);
    const stored = () => (backend.data.get('pipeline:new1') as { doc: { nodes: unknown[] }; selection: { nodes: string[] } });
    const node = editor.getState().addNode('sink.log', { x: 0, y: 0 });
    editor.getState().select({ nodes: [], edges: [] });
    await session.flush();
    expect(stored().doc.nodes).toHaveLength(1);

    session.panelFailed('inspector');
    expect(session.state.getState().status).toBe('paused');
    editor.getState().select({ nodes: [node], edges: [] });
    editor.getState().addNode('sink.table', { x: 300, y: 0 });
    await session.flush();
    expect(stored().doc.nodes).toHaveLength(1);
    expect(stored().selection.nodes).toEqual([]);
    expect(session.state.getState().status).toBe('paused');

    // Two panels failed: both must come back.
    session.panelFailed('canvas');
    session.panelRecovered('inspector');
    await session.flush();
    expect(stored().doc.nodes).toHaveLength(1);

    session.panelRecovered('canvas');
    await session.flush();
    expect(stored().doc.nodes).toHaveLength(2);
    expect(stored().selection).toEqual(editor.getState().selection);
    expect(editor.getState().selection.nodes).not.toEqual([]);
    expect(session.state.getState().status).toBe('saved');
  });

  it('ignores a panel that recovers without having failed', async () => {
    const backend = memoryBackend();
    const { editor, session } = await load(backend);
    session.panelRecovered('palette');
    editor.getState().addNode('sink.log', { x: 0, y: 0 });
    await session.flush();
    expect((backend.data.get('pipeline:new1') as { doc: { nodes: unknown[] } }).doc.nodes).toHaveLength(1);
  });
});
