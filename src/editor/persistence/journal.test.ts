import { describe, expect, it } from 'vitest';
import { memoryBackend } from './backend';
import { clearJournal, JOURNAL_KEY, JOURNAL_MAX_CHARS, readJournal, reconcileJournal, writeJournal, type JournalEntry, type JournalStorage } from './journal';
import { recordKey, savedAtOf, type PipelineRecord } from './records';

/** `localStorage` in miniature; `full` makes every write refuse, as a full quota does. */
function memoryStorage(): JournalStorage & { items: Map<string, string>; full: boolean } {
  const items = new Map<string, string>();
  return {
    items,
    full: false,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (this.full) throw new DOMException('quota exceeded', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
}

function record(name: string, savedAt?: number): PipelineRecord {
  return {
    doc: { format: 'windowpane.pipeline', version: 1, name, nodes: [{ id: 'log1', kind: 'sink.log', position: { x: 0, y: 0 } }], edges: [] },
    selection: { nodes: ['log1'], edges: [] },
    viewport: { x: 1, y: 2, zoom: 1.5 },
    ...(savedAt === undefined ? {} : { savedAt }),
  };
}

const entry = (id: string, savedAt: number, name = 'From the journal'): JournalEntry => ({ id, savedAt, record: record(name) });

describe('the page-hide journal', () => {
  it('reads back what it wrote', () => {
    const storage = memoryStorage();
    const text = writeJournal(storage, entry('p1', 5));
    expect(text).toBeDefined();
    expect(readJournal(storage)).toEqual(entry('p1', 5));
  });

  it('writes nothing too large, and removes the older journal it cannot replace', () => {
    const storage = memoryStorage();
    writeJournal(storage, entry('p1', 5));
    const big: JournalEntry = { id: 'p1', savedAt: 6, record: record('x'.repeat(JOURNAL_MAX_CHARS)) };
    expect(writeJournal(storage, big)).toBeUndefined();
    expect(storage.items.has(JOURNAL_KEY)).toBe(false);
  });

  it('survives storage that refuses to write, and removes the older journal then too', () => {
    const storage = memoryStorage();
    writeJournal(storage, entry('p1', 5));
    storage.full = true;
    expect(writeJournal(storage, entry('p1', 6))).toBeUndefined();
    expect(readJournal(storage)).toBeUndefined();
  });

  it('clears only the journal it was given, not one written since', () => {
    const storage = memoryStorage();
    const first = writeJournal(storage, entry('p1', 5));
    writeJournal(storage, entry('p1', 6));
    clearJournal(storage, first);
    expect(readJournal(storage)?.savedAt).toBe(6);
    clearJournal(storage);
    expect(readJournal(storage)).toBeUndefined();
  });

  it('ignores a journal that is not one', () => {
    const storage = memoryStorage();
    for (const text of ['{', 'null', '[]', '{"id":"","savedAt":1,"record":{}}', '{"id":"p1","savedAt":"1","record":{}}', '{"id":"p1","savedAt":1e999,"record":{}}', '{"id":"p1","savedAt":1}', '{"__proto__":{"id":"p1"},"savedAt":1,"record":{}}']) {
      storage.items.set(JOURNAL_KEY, text);
      expect(readJournal(storage), text).toBeUndefined();
    }
  });
});

describe('reconciling the journal on load', () => {
  it('stores a journal newer than the stored record in its place, and clears it', async () => {
    const storage = memoryStorage();
    const backend = memoryBackend([[recordKey('p1'), record('Stored', 10)]]);
    writeJournal(storage, entry('p1', 20));
    expect(await reconcileJournal(storage, backend, new Set(['p1']))).toEqual({ id: 'p1', name: 'From the journal', savedAt: 20 });
    const stored = await backend.get(recordKey('p1'));
    expect(stored).toMatchObject({ doc: { name: 'From the journal' }, selection: { nodes: ['log1'] }, savedAt: 20 });
    expect(savedAtOf(stored)).toBe(20);
    expect(storage.items.size).toBe(0);
  });

  it('wins over a record that does not say when it was written', async () => {
    const storage = memoryStorage();
    const backend = memoryBackend([[recordKey('p1'), record('Stored')]]);
    writeJournal(storage, entry('p1', 1));
    expect((await reconcileJournal(storage, backend, new Set(['p1'])))?.id).toBe('p1');
  });

  it('keeps a stored record newer than the journal', async () => {
    for (const storedAt of [21, 1e13]) {
      const storage = memoryStorage();
      const backend = memoryBackend([[recordKey('p1'), record('Stored', storedAt)]]);
      writeJournal(storage, entry('p1', 20));
      expect(await reconcileJournal(storage, backend, new Set(['p1']))).toBeUndefined();
      expect(await backend.get(recordKey('p1'))).toMatchObject({ doc: { name: 'Stored' } });
      expect(storage.items.size).toBe(0);
    }
  });

  it('wins a tie: a save stamped the same millisecond was written before the journal, from an older screen', async () => {
    const storage = memoryStorage();
    const backend = memoryBackend([[recordKey('p1'), record('Saved by the timer', 20)]]);
    writeJournal(storage, entry('p1', 20));
    expect((await reconcileJournal(storage, backend, new Set(['p1'])))?.name).toBe('From the journal');
    expect(await backend.get(recordKey('p1'))).toMatchObject({ doc: { name: 'From the journal' }, savedAt: 20 });
    expect(storage.items.size).toBe(0);
  });

  it('does not bring back a pipeline no longer in the list', async () => {
    const storage = memoryStorage();
    const backend = memoryBackend();
    writeJournal(storage, entry('gone', 20));
    expect(await reconcileJournal(storage, backend, new Set(['p1']))).toBeUndefined();
    expect(backend.data.size).toBe(0);
    expect(storage.items.size).toBe(0);
  });

  it('drops a journal whose document cannot be read, keeping what is stored', async () => {
    const storage = memoryStorage();
    const backend = memoryBackend([[recordKey('p1'), record('Stored', 10)]]);
    writeJournal(storage, { id: 'p1', savedAt: 20, record: { ...record('Bad'), doc: { format: 'something else' } } });
    expect(await reconcileJournal(storage, backend, new Set(['p1']))).toBeUndefined();
    expect(await backend.get(recordKey('p1'))).toMatchObject({ doc: { name: 'Stored' } });
    expect(storage.items.size).toBe(0);
  });

  it('keeps the journal when storage cannot take it, for the next load to try again', async () => {
    const storage = memoryStorage();
    const backend = { ...memoryBackend([[recordKey('p1'), record('Stored', 10)]]), setMany: () => Promise.reject(new Error('disk full')) };
    writeJournal(storage, entry('p1', 20));
    await expect(reconcileJournal(storage, backend, new Set(['p1']))).rejects.toThrow('disk full');
    expect(readJournal(storage)?.savedAt).toBe(20);
  });
});
