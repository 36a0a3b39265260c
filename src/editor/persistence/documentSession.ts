import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem } from '../../model';
import { EMPTY_DOCUMENT, type EditorStore } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { flushOnPageHide, startAutosave, type SaveStatus, type Scheduler } from './autosave';
import { memoryBackend, type KeyValueBackend } from './backend';
import { browserJournalStorage, clearJournal, reconcileJournal, writeJournal, type JournalStorage } from './journal';
import { NO_SELECTION, readEntries, readRecord, recordKey, toRecord, unframedViewport, type EditorSnapshot, type PipelineEntry } from './records';

/** A message under the documents bar; `action` is a button beside it (Undo). */
export interface Notice {
  readonly id: number;
  readonly message: string;
  readonly tone: 'info' | 'error';
  readonly action?: { readonly label: string; run(): void };
}

export interface DocumentsState {
  /** Every saved pipeline, in the order they were created. */
  readonly pipelines: readonly PipelineEntry[];
  /** The pipeline on screen. */
  readonly openId: string;
  /**
   * `memory` when IndexedDB is unavailable and nothing survives a reload;
   * `paused` while a panel shows an error, so the state that broke it is not stored.
   */
  readonly status: SaveStatus | 'memory' | 'paused';
  readonly notice: Notice | null;
}

type Outcome = { ok: true } | { ok: false; problems: Problem[] };

export interface DocumentSession {
  readonly state: StoreApi<DocumentsState>;
  /** Loads the open pipeline into the editor (or starts one); call once, before the editor is shown. */
  restore(): Promise<void>;
  open(id: string): Promise<Outcome>;
  /** A new, empty pipeline. */
  createBlank(): Promise<Outcome>;
  /**
   * Opens `doc` as a pipeline of its own, so whatever was on screen stays in
   * the list, under a name no other pipeline has ({@link distinctName}). An
   * untouched empty pipeline is replaced instead of left behind.
   */
  openAsNew(doc: EditorDocument): Promise<Outcome>;
  duplicate(id: string): Promise<Outcome>;
  rename(id: string, name: string): Promise<Outcome>;
  /** Deletes at once and offers Undo in a notice. */
  remove(id: string): Promise<Outcome>;
  notify(message: string, tone?: Notice['tone'], action?: Notice['action']): void;
  dismissNotice(id: number): void;
  /** Writes pending changes now. */
  flush(): Promise<void>;
  /**
   * A panel failed to render what is on screen: nothing is stored until every
   * failed panel has rendered again, so a reload brings back the last state
   * that worked rather than the one that broke the panel.
   */
  panelFailed(panel: string): void;
  /** The panel rendered again; once none is failing, what is on screen is stored. */
  panelRecovered(panel: string): void;
  /** The stored document of `id` as pipeline JSON text, even when it cannot be opened; undefined when there is none. */
  storedJson(id: string): Promise<string | undefined>;
  dispose(): void;
}

export interface SessionOptions {
  readonly backend: KeyValueBackend;
  /** Why the real storage could not be opened; `backend` is then the in-memory fallback and the bar says so. */
  readonly unavailable?: string;
  readonly now?: () => number;
  readonly newId?: () => string;
  readonly schedule?: Scheduler;
  readonly saveDelayMs?: number;
  /** Where the page-hide journal goes (see journal.ts); `localStorage` by default, null for none. */
  readonly journal?: JournalStorage | null;
}

/** What Undo needs to bring a deleted pipeline back. */
interface Deleted {
  readonly entry: PipelineEntry;
  /** The stored record as it was, even when damaged. */
  readonly record: unknown;
  readonly wasOpen: boolean;
  /** The empty pipeline started because the deleted one was the last. */
  readonly replacement: string | undefined;
}

const LIST_KEY = 'pipelines';
const OPEN_KEY = 'open';
const UNTITLED = EMPTY_DOCUMENT.name;

/** A random id; `crypto.getRandomValues` exists outside secure contexts too, unlike `randomUUID`. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `p${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** `base`, or `base 2`, `base 3`... whichever no pipeline is called yet. */
export function uniqueName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let i = 2;
  while (names.has(`${base} ${i}`)) i++;
  return `${base} ${i}`;
}

/**
 * `base`, or `base (2)`, `base (3)`... whichever no pipeline is called yet:
 * the name of a pipeline opened from an example, a file or a link. A name
 * that already ends in a number counts on from it ("X (2)" taken gives "X (3)").
 */
function distinctName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  const numbered = /^(.*) \((\d+)\)$/.exec(base);
  const root = numbered === null ? base : numbered[1]!;
  let i = numbered === null ? 2 : Number(numbered[2]) + 1;
  while (names.has(`${root} (${i})`)) i++;
  return `${root} (${i})`;
}

function failure(message: string): Outcome {
  return { ok: false, problems: [{ path: '', message }] };
}

/** The first problem with where it is ("nodes[2].kind: unknown kind …"), and how many more. */
function describeProblems(problems: readonly Problem[]): string {
  const first = problems[0];
  if (first === undefined) return 'unknown problem';
  const more = problems.length > 1 ? `, and ${problems.length - 1} more` : '';
  return `${first.path === '' ? '' : `${first.path}: `}${first.message}${more}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The pipelines a person keeps in this browser, and the editor showing one of
 * them. Framework-free: it takes the editor store and a storage backend, and
 * keeps its own small store for the documents bar to read.
 */
export function createDocumentSession(editor: EditorStore, options: SessionOptions): DocumentSession {
  let backend = options.backend;
  let persistent = options.unavailable === undefined;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomId;
  let noticeSeq = 0;
  const failedPanels = new Set<string>();
  const state = createStore<DocumentsState>()(() => ({
    pipelines: [],
    openId: '',
    status: persistent ? 'saved' : 'memory',
    notice: null,
  }));
  const entries = (): readonly PipelineEntry[] => state.getState().pipelines;
  const setEntries = (pipelines: readonly PipelineEntry[]): void => state.setState({ pipelines });
  const updateEntry = (id: string, change: Partial<PipelineEntry>): void =>
    setEntries(entries().map((e) => (e.id === id ? { ...e, ...change } : e)));

  /** Stores `records` together with the list and the open id, in one transaction. */
  const persist = (records: readonly (readonly [string, unknown])[] = []): Promise<void> =>
    backend.setMany([...records, [LIST_KEY, entries()], [OPEN_KEY, state.getState().openId]]);

  const autosave = startAutosave(editor, {
    ...(options.saveDelayMs === undefined ? {} : { delayMs: options.saveDelayMs }),
    ...(options.schedule === undefined ? {} : { schedule: options.schedule }),
    held: () => failedPanels.size > 0,
    write(snapshot, docChanged) {
      const id = state.getState().openId;
      const at = now();
      if (docChanged) updateEntry(id, { name: snapshot.doc.name, updatedAt: at });
      return persist([[recordKey(id), toRecord(snapshot, at)]]);
    },
    onStatus(status, error) {
      if (!persistent || failedPanels.size > 0) return;
      const before = state.getState().status;
      if (before !== status) state.setState({ status });
      if (status === 'failed' && before !== 'failed') session.notify(`Autosave failed: ${reason(error)}. Export the pipeline to keep a copy.`, 'error');
    },
  });
  const journal = options.journal === undefined ? browserJournalStorage() : options.journal ?? undefined;
  /**
   * Leaving the page: the write starts now, and the journal holds the same
   * state synchronously in case the page is gone before the write lands; it
   * is cleared once the write has.
   */
  const onPageHide = (): void => {
    const written = autosave.flush();
    const openId = state.getState().openId;
    // As autosave (held above), the journal keeps nothing from a state that broke a panel.
    if (journal === undefined || !persistent || openId === '' || failedPanels.size > 0) return;
    const text = writeJournal(journal, { id: openId, savedAt: now(), record: toRecord(snapshotOnScreen()) });
    if (text !== undefined) void written.then(() => clearJournal(journal, text));
  };
  const stopLifecycle = flushOnPageHide(onPageHide);

  const storageUnavailable = (why: string): void => {
    persistent = false;
    state.setState({ status: 'memory' });
    session.notify(`Autosave is not available in this window (${why}): your work will not survive a reload. Export it to keep a copy.`, 'error');
  };

  const snapshotOnScreen = (): EditorSnapshot => {
    const { doc, selection, viewport } = editor.getState();
    return { doc, selection, viewport };
  };

  /** Puts a pipeline on screen with a fresh undo history; `keepCurrent` first saves what it replaces. */
  const show = (id: string, snapshot: EditorSnapshot, keepCurrent: boolean): void => {
    if (keepCurrent) void autosave.flush();
    autosave.markSaved(snapshot);
    editor.setState({ doc: snapshot.doc, selection: snapshot.selection, viewport: snapshot.viewport });
    editor.temporal.getState().clear();
    state.setState({ openId: id });
  };

  const readStored = async (id: string): Promise<{ ok: true; snapshot: EditorSnapshot } | { ok: false; problems: Problem[] }> => {
    const raw = await backend.get(recordKey(id));
    if (raw === undefined) return { ok: false, problems: [{ path: '', message: 'the saved pipeline is missing from storage' }] };
    return readRecord(raw);
  };

  /** Adds a pipeline, puts it on screen and stores it. */
  const add = async (doc: EditorDocument, keepCurrent = true): Promise<string> => {
    const id = newId();
    const snapshot: EditorSnapshot = { doc, selection: NO_SELECTION, viewport: unframedViewport() };
    setEntries([...entries(), { id, name: doc.name, updatedAt: now() }]);
    show(id, snapshot, keepCurrent);
    await persist([[recordKey(id), toRecord(snapshot, now())]]);
    return id;
  };

  const blankDocument = (): EditorDocument => ({ ...EMPTY_DOCUMENT, name: uniqueName(UNTITLED, entries().map((e) => e.name)) });

  // Operations that read before they write run one at a time, so a double click cannot interleave them.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = queue.then(operation);
    queue = run.catch(() => undefined);
    return run;
  };
  const guarded = async (operation: () => Promise<Outcome>): Promise<Outcome> => {
    try {
      return await operation();
    } catch (error) {
      return failure(`storage failed: ${reason(error)}`);
    }
  };

  /** Puts the most recently changed readable pipeline on screen; false when there is none. */
  const showMostRecent = async (): Promise<boolean> => {
    for (const next of [...entries()].sort((a, b) => b.updatedAt - a.updatedAt)) {
      const read = await readStored(next.id);
      if (!read.ok) continue;
      show(next.id, read.snapshot, false);
      return true;
    }
    return false;
  };

  const undoRemove = async ({ entry, record, wasOpen, replacement }: Deleted): Promise<void> => {
    if (entries().some((e) => e.id === entry.id)) return;
    setEntries([...entries(), entry]);
    await persist(record === undefined ? [] : [[recordKey(entry.id), record]]);
    const read = wasOpen ? readRecord(record) : undefined;
    if (read?.ok !== true) return;
    // The empty pipeline started in its place goes again if it was not used.
    const unused = replacement !== undefined && state.getState().openId === replacement && editor.getState().doc.nodes.length === 0;
    show(entry.id, read.snapshot, !unused);
    if (unused) {
      setEntries(entries().filter((e) => e.id !== replacement));
      await backend.delMany([recordKey(replacement)]);
    }
    await persist();
  };

  const renameStored = (id: string, trimmed: string): Promise<Outcome> => exclusive(() => guarded(async () => {
    const read = await readStored(id);
    if (!read.ok) return read;
    updateEntry(id, { name: trimmed, updatedAt: now() });
    await persist([[recordKey(id), toRecord({ ...read.snapshot, doc: { ...read.snapshot.doc, name: trimmed } }, now())]]);
    return { ok: true };
  }));

  const restoreFromStorage = async (): Promise<void> => {
    const [listValue, storedOpen] = await Promise.all([backend.get(LIST_KEY), backend.get(OPEN_KEY)]);
    const { entries: stored, dropped } = readEntries(listValue);
    setEntries(stored);
    // The last page may have gone before its last write landed: its journal then brings the edits back.
    const journaled = journal === undefined || !persistent ? undefined : await reconcileJournal(journal, backend, new Set(stored.map((e) => e.id)));
    if (journaled !== undefined) updateEntry(journaled.id, { name: journaled.name, updatedAt: journaled.savedAt });
    const openValue = journaled?.id ?? storedOpen;
    const openEntry = stored.find((e) => e.id === openValue) ?? [...stored].sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (openEntry === undefined) {
      await add(blankDocument(), false);
      if (dropped > 0) session.notify('The list of saved pipelines could not be read, so a new pipeline was started.', 'error');
      return;
    }
    const read = await readStored(openEntry.id);
    if (read.ok) {
      show(openEntry.id, read.snapshot, false);
      await persist();
      return;
    }
    // Kept aside, not deleted or overwritten: the new pipeline has an id of its own, and a newer
    // Windowpane may have written the old one (and may read it again). Opening it from the
    // Pipelines menu lists every problem and offers its JSON to copy.
    await add(blankDocument(), false);
    session.notify(`“${openEntry.name}” could not be opened (${describeProblems(read.problems)}), so a new pipeline was started. The saved one is kept unchanged in the Pipelines menu: open it there to see every problem and copy its JSON.`, 'error');
  };

  const session: DocumentSession = {
    state,
    restore: () => exclusive(async () => {
      if (options.unavailable !== undefined) storageUnavailable(options.unavailable);
      try {
        await restoreFromStorage();
      } catch (error) {
        // IndexedDB can exist and still refuse (a private window, a full disk, a blocked database):
        // the editor opens all the same, on storage that lasts as long as the page.
        backend = memoryBackend();
        storageUnavailable(reason(error));
        if (state.getState().openId === '') await add(blankDocument(), false);
        else await persist([[recordKey(state.getState().openId), toRecord(snapshotOnScreen())]]);
      }
    }),
    open: (id) => exclusive(() => guarded(async () => {
      if (id === state.getState().openId) return { ok: true };
      const read = await readStored(id);
      if (!read.ok) return read;
      show(id, read.snapshot, true);
      await persist();
      return { ok: true };
    })),
    createBlank: () => exclusive(() => guarded(async () => {
      await add(blankDocument());
      return { ok: true };
    })),
    openAsNew: (doc) => exclusive(() => guarded(async () => {
      const { doc: current } = editor.getState();
      const openId = state.getState().openId;
      const untouched = current.nodes.length === 0 && current.name.startsWith(UNTITLED) && editor.temporal.getState().pastStates.length === 0;
      // Two pipelines of one name cannot be told apart in the Pipelines menu: the second
      // "Card spend" becomes "Card spend (2)". The untouched empty pipeline is about to go.
      const taken = entries().filter((e) => !(untouched && e.id === openId)).map((e) => e.name);
      const name = distinctName(doc.name, taken);
      const named = name === doc.name ? doc : { ...doc, name };
      if (untouched) {
        // It goes, and the document opens as a pipeline of its own (a new id: it is not the
        // empty one, so nothing of that one, its run say, carries over to it).
        setEntries(entries().filter((e) => e.id !== openId));
        await add(named, false);
        await backend.delMany([recordKey(openId)]);
        return { ok: true };
      }
      await add(named);
      return { ok: true };
    })),
    duplicate: (id) => exclusive(() => guarded(async () => {
      const read = id === state.getState().openId ? { ok: true as const, snapshot: snapshotOnScreen() } : await readStored(id);
      if (!read.ok) return read;
      const name = uniqueName(`${read.snapshot.doc.name} copy`, entries().map((e) => e.name));
      await add({ ...read.snapshot.doc, name });
      return { ok: true };
    })),
    rename: (id, name) => {
      const trimmed = name.trim();
      if (trimmed === '') return Promise.resolve({ ok: true });
      if (id === state.getState().openId) {
        // At once, not queued: a rename committed as the page goes away must be in the
        // document before the page-hide flush writes it. Through the editor store, so the
        // rename is one undo step like any other edit; autosave stores it.
        if (editor.getState().doc.name !== trimmed) editor.getState().renameDocument(trimmed);
        updateEntry(id, { name: trimmed });
        return Promise.resolve({ ok: true });
      }
      return renameStored(id, trimmed);
    },
    remove: (id) => exclusive(() => guarded(async () => {
      const entry = entries().find((e) => e.id === id);
      if (entry === undefined) return { ok: true };
      const wasOpen = id === state.getState().openId;
      // Kept as stored (even when damaged), so Undo gives back exactly what was there.
      const record = wasOpen ? toRecord(snapshotOnScreen(), now()) : await backend.get(recordKey(id));
      setEntries(entries().filter((e) => e.id !== id));
      let replacement: string | undefined;
      if (wasOpen && !(await showMostRecent())) replacement = await add(blankDocument(), false);
      await backend.delMany([recordKey(id)]);
      await persist();
      const deleted: Deleted = { entry, record, wasOpen, replacement };
      session.notify(`Deleted “${entry.name}”.`, 'info', {
        label: 'Undo',
        run: () => void exclusive(() => undoRemove(deleted).catch((error: unknown) => {
          session.notify(`“${entry.name}” could not be brought back: ${reason(error)}`, 'error');
        })),
      });
      return { ok: true };
    })),
    notify(message, tone = 'info', action) {
      noticeSeq += 1;
      state.setState({ notice: { id: noticeSeq, message, tone, ...(action === undefined ? {} : { action }) } });
    },
    dismissNotice(id) {
      if (state.getState().notice?.id === id) state.setState({ notice: null });
    },
    flush: () => autosave.flush(),
    panelFailed(panel) {
      failedPanels.add(panel);
      if (persistent) state.setState({ status: 'paused' });
    },
    panelRecovered(panel) {
      if (!failedPanels.delete(panel) || failedPanels.size > 0) return;
      if (persistent) state.setState({ status: 'saved' });
      void autosave.flush();
    },
    storedJson: (id) => exclusive(async () => {
      const raw = await backend.get(recordKey(id));
      const doc = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'doc') ? (raw as { doc: unknown }).doc : raw;
      if (doc === undefined) return undefined;
      try {
        return `${JSON.stringify(doc, null, 2)}\n`;
      } catch {
        return undefined;
      }
    }),
    dispose() {
      autosave.stop();
      stopLifecycle();
    },
  };
  return session;
}
