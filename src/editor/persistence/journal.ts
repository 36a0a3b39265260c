import type { KeyValueBackend } from './backend';
import { readRecord, recordKey, savedAtOf, type PipelineRecord } from './records';

/**
 * A synchronous copy of the open pipeline, written to `localStorage` as the
 * page is hidden or left. IndexedDB writes are asynchronous, and a browser
 * may throw a page away before the last one lands; `localStorage.setItem`
 * has landed when it returns. On the next load the journal is compared with
 * the stored record and the newer one wins, then the journal is cleared.
 */

/** The part of the Web Storage API the journal uses: `localStorage` in the app. */
export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const JOURNAL_KEY = 'windowpane-journal';
/**
 * The longest journal written, in characters. Browsers give a site about 5
 * million; a pipeline bigger than this (a file source's data inline) relies
 * on IndexedDB alone.
 */
export const JOURNAL_MAX_CHARS = 1_000_000;

export interface JournalEntry {
  /** The pipeline's id in the pipelines list. */
  readonly id: string;
  /** When the page wrote it (epoch ms); compared with the stored record's `savedAt`. */
  readonly savedAt: number;
  readonly record: PipelineRecord;
}

/** `localStorage` when the page may use it, else undefined (no journal; IndexedDB alone). */
export function browserJournalStorage(): JournalStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Reading `localStorage` throws where site data is blocked.
    return undefined;
  }
}

function quietly(task: () => void): void {
  try {
    task();
  } catch {
    // Storage that refuses (full, blocked) leaves the journal to IndexedDB; nothing to tell the user here.
  }
}

/**
 * Writes `entry` as the journal; returns the text written, or undefined when
 * it was too large or refused. A journal that cannot be written also removes
 * the previous one, which no longer holds the latest edits.
 */
export function writeJournal(storage: JournalStorage, entry: JournalEntry): string | undefined {
  let text: string | undefined;
  try {
    text = JSON.stringify(entry);
  } catch {
    text = undefined;
  }
  if (text !== undefined && text.length <= JOURNAL_MAX_CHARS) {
    try {
      storage.setItem(JOURNAL_KEY, text);
      return text;
    } catch {
      // Full or blocked: fall through and remove the old one.
    }
  }
  quietly(() => storage.removeItem(JOURNAL_KEY));
  return undefined;
}

/** Removes the journal if it is still `text` (a newer one written since stays). */
export function clearJournal(storage: JournalStorage, text?: string): void {
  quietly(() => {
    if (text === undefined || storage.getItem(JOURNAL_KEY) === text) storage.removeItem(JOURNAL_KEY);
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The journal, when there is one and it has the journal's shape; its document is checked on reconciling. */
export function readJournal(storage: JournalStorage): JournalEntry | undefined {
  let text: string | null = null;
  quietly(() => {
    text = storage.getItem(JOURNAL_KEY);
  });
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !isObject(value.record)) return undefined;
  const { id, savedAt, record } = value;
  if (typeof id !== 'string' || id === '' || typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return undefined;
  return { id, savedAt, record: record as unknown as PipelineRecord };
}

/**
 * On load, before the open pipeline is read: when the journal holds a
 * pipeline of the list (`listed`) and is not older than its stored record, and
 * its record reads as a pipeline, it is stored in the record's place.
 * Resolves to the pipeline it brought back (its id and name), or undefined.
 * The journal is cleared either way, once storage has what it held.
 */
export async function reconcileJournal(storage: JournalStorage, backend: KeyValueBackend, listed: ReadonlySet<string>): Promise<{ id: string; name: string; savedAt: number } | undefined> {
  const entry = readJournal(storage);
  if (entry === undefined) {
    clearJournal(storage);
    return undefined;
  }
  // A pipeline deleted since (in another tab) stays deleted.
  if (!listed.has(entry.id)) {
    clearJournal(storage);
    return undefined;
  }
  const stored = await backend.get(recordKey(entry.id));
  const read = readRecord(entry.record);
  // A tie goes to the journal: it was written from the screen after any write stamped the same
  // millisecond (a debounced save and the page-hide flush, which may never have landed).
  if (savedAtOf(stored) > entry.savedAt || !read.ok) {
    clearJournal(storage);
    return undefined;
  }
  await backend.setMany([[recordKey(entry.id), { ...entry.record, savedAt: entry.savedAt }]]);
  clearJournal(storage);
  return { id: entry.id, name: read.snapshot.doc.name, savedAt: entry.savedAt };
}
