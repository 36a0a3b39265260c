import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import { memoryBackend, type KeyValueBackend } from './backend';
import { createDocumentSession, type SessionOptions } from './documentSession';
import { JOURNAL_KEY, type JournalStorage } from './journal';
import { holdPendingEdit, pendingEditCount } from './pendingEdits';

/**
 * Leaving the page, as the browser does it: `visibilitychange` (hidden) and
 * `pagehide`, on a window and document stubbed for Node. A page that goes
 * away is a backend whose writes from then on never land.
 */

let page: { window: EventTarget; document: EventTarget & { visibilityState: DocumentVisibilityState } };

beforeEach(() => {
  page = { window: new EventTarget(), document: Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState }) };
  vi.stubGlobal('window', page.window);
  vi.stubGlobal('document', page.document);
});
afterEach(() => vi.unstubAllGlobals());

function hide(how: 'pagehide' | 'visibilitychange'): void {
  if (how === 'pagehide') page.window.dispatchEvent(new Event('pagehide'));
  else {
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
  }
}

function memoryStorage(): JournalStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

/** Storage that stops storing when the page dies: writes after `die()` never land (and never settle). */
function mortal(backend: KeyValueBackend): KeyValueBackend & { die(): void } {
  let dead = false;
  return {
    get: (key) => backend.get(key),
    setMany: (entries) => (dead ? new Promise<void>(() => {}) : backend.setMany(entries)),
    delMany: (keys) => (dead ? new Promise<void>(() => {}) : backend.delMany(keys)),
    die() {
      dead = true;
    },
  };
}

let clock = 1_000;
async function load(backend: KeyValueBackend, options: Partial<SessionOptions> = {}) {
  const editor = createEditorStore();
  const session = createDocumentSession(editor, { backend, now: () => (clock += 1000), schedule: () => () => {}, ...options });
  await session.restore();
  return { editor, session };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('leaving the page', () => {
  it('commits a field being typed before the last write, on pagehide and on hidden', async () => {
    for (const how of ['pagehide', 'visibilitychange'] as const) {
      const stored = memoryBackend();
      const first = await load(stored, { journal: null });
      const node = first.editor.getState().addNode('sink.log', { x: 0, y: 0 });
      await first.session.flush();
      // A field holding typed text, as useDraft registers it.
      holdPendingEdit(() => first.editor.getState().renameNode(node, `Typed (${how})`));
      hide(how);
      expect(pendingEditCount()).toBe(0);
      await settle();
      first.session.dispose();
      const second = await load(stored, { journal: null });
      expect(second.editor.getState().doc.nodes[0]?.name).toBe(`Typed (${how})`);
      second.session.dispose();
    }
  });

  it('keeps the last edit in the journal when the page dies before its write lands, and the next load brings it back', async () => {
    const stored = memoryBackend();
    const journal = memoryStorage();
    const dying = mortal(stored);
    const first = await load(dying, { journal });
    const node = first.editor.getState().addNode('sink.log', { x: 0, y: 0 });
    await first.session.flush();
    first.editor.getState().renameNode(node, 'Renamed just before the reload');
    first.editor.getState().renameDocument('Renamed too');
    dying.die();
    hide('pagehide');
    expect(journal.items.has(JOURNAL_KEY)).toBe(true);
    first.session.dispose();

    const second = await load(stored, { journal });
    expect(second.editor.getState().doc.nodes[0]?.name).toBe('Renamed just before the reload');
    expect(second.session.state.getState().pipelines.map((p) => p.name)).toEqual(['Renamed too']);
    expect(journal.items.size).toBe(0);
    second.session.dispose();
    // And it is stored, not only shown.
    const third = await load(stored, { journal });
    expect(third.editor.getState().doc.name).toBe('Renamed too');
    third.session.dispose();
  });

  it('clears the journal once the write it covers has landed', async () => {
    const journal = memoryStorage();
    const { editor, session } = await load(memoryBackend(), { journal });
    editor.getState().addNode('sink.log', { x: 0, y: 0 });
    hide('visibilitychange');
    expect(journal.items.has(JOURNAL_KEY)).toBe(true);
    await settle();
    expect(journal.items.size).toBe(0);
    session.dispose();
  });

  it('lets a later write win over an older journal', async () => {
    const stored = memoryBackend();
    const journal = memoryStorage();
    const first = await load(stored, { journal });
    first.editor.getState().renameDocument('Before the tab switch');
    hide('visibilitychange');
    const left = journal.items.get(JOURNAL_KEY);
    await settle();
    first.editor.getState().renameDocument('After it');
    await first.session.flush();
    first.session.dispose();
    // A journal the page did not get to clear (it died just after its write landed).
    journal.items.set(JOURNAL_KEY, left!);
    const second = await load(stored, { journal });
    expect(second.editor.getState().doc.name).toBe('After it');
    second.session.dispose();
  });

  it('renames the open pipeline at once, so a rename committed as the page goes away is in the last write', async () => {
    const stored = memoryBackend();
    const first = await load(stored, { journal: null });
    const { openId } = first.session.state.getState();
    holdPendingEdit(() => void first.session.rename(openId, '  Named on the way out '));
    hide('pagehide');
    expect(first.editor.getState().doc.name).toBe('Named on the way out');
    await settle();
    first.session.dispose();
    const second = await load(stored, { journal: null });
    expect(second.editor.getState().doc.name).toBe('Named on the way out');
    expect(second.session.state.getState().pipelines.map((p) => p.name)).toEqual(['Named on the way out']);
    second.session.dispose();
  });

  it('journals nothing while a panel has failed: the state that broke it must not come back on the next load', async () => {
    const journal = memoryStorage();
    const { editor, session } = await load(memoryBackend(), { journal });
    editor.getState().addNode('sink.log', { x: 0, y: 0 });
    session.panelFailed('inspector');
    hide('pagehide');
    expect(journal.items.size).toBe(0);
    session.dispose();
  });

  it('writes no journal while storage is only in memory', async () => {
    const journal = memoryStorage();
    const refusing: KeyValueBackend = { get: () => Promise.reject(new Error('denied')), setMany: () => Promise.reject(new Error('denied')), delMany: () => Promise.reject(new Error('denied')) };
    const { editor, session } = await load(refusing, { journal });
    editor.getState().addNode('sink.log', { x: 0, y: 0 });
    hide('pagehide');
    expect(journal.items.size).toBe(0);
    session.dispose();
  });
});
