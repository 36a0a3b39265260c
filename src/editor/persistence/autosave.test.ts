import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import { startAutosave, type SaveStatus } from './autosave';
import type { EditorSnapshot } from './records';

function harness() {
  const editor = createEditorStore();
  const timers: (() => void)[] = [];
  const writes: { snapshot: EditorSnapshot; docChanged: boolean; done: () => void }[] = [];
  const statuses: SaveStatus[] = [];
  const autosave = startAutosave(editor, {
    schedule: (task) => {
      timers.push(task);
      return () => timers.splice(timers.indexOf(task), 1);
    },
    write: (snapshot, docChanged) => new Promise<void>((resolve) => writes.push({ snapshot, docChanged, done: resolve })),
    onStatus: (status) => statuses.push(status),
  });
  const fire = (): void => timers.shift()?.();
  return { editor, timers, writes, statuses, autosave, fire };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('autosave', () => {
  it('writes what is on screen once per burst, and says whether the document changed', async () => {
    const { editor, writes, fire, timers } = harness();
    editor.getState().setViewport({ x: 1, y: 1, zoom: 1 });
    editor.getState().setViewport({ x: 2, y: 2, zoom: 1 });
    expect(timers).toHaveLength(1);
    fire();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ docChanged: false, snapshot: { viewport: { x: 2, y: 2, zoom: 1 } } });
    editor.getState().addNode('sink.log', { x: 0, y: 0 });
    writes[0]!.done();
    await settle();
    fire();
    expect(writes[1]?.docChanged).toBe(true);
  });

  it('waits for the write in flight before the next one, and flush does not wait', async () => {
    const { editor, writes, fire, autosave } = harness();
    editor.getState().setViewport({ x: 1, y: 0, zoom: 1 });
    fire();
    editor.getState().setViewport({ x: 2, y: 0, zoom: 1 });
    fire();
    expect(writes).toHaveLength(1);
    writes[0]!.done();
    await settle();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.snapshot.viewport.x).toBe(2);

    // Leaving the page cannot wait: flush writes at once.
    editor.getState().setViewport({ x: 3, y: 0, zoom: 1 });
    void autosave.flush();
    expect(writes).toHaveLength(3);
  });

  it('does not write back what was just opened, and reports saving then saved', async () => {
    const { editor, writes, fire, autosave, statuses, timers } = harness();
    const doc = { name: 'Opened', nodes: [], edges: [] };
    const snapshot = { doc, selection: { nodes: [], edges: [] }, viewport: { x: 0, y: 0, zoom: 2 } };
    autosave.markSaved(snapshot);
    editor.setState(snapshot);
    expect(timers).toHaveLength(0);
    editor.getState().renameDocument('Renamed');
    fire();
    writes[0]!.done();
    await settle();
    expect(statuses).toEqual(['saving', 'saving', 'saved']);
    autosave.stop();
    editor.getState().renameDocument('After stop');
    expect(timers).toHaveLength(0);
  });
});
