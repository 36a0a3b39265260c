import type { EditorStore } from '../store/documentStore';
import { commitPendingEdits } from './pendingEdits';
import type { EditorSnapshot } from './records';

export type SaveStatus = 'saved' | 'saving' | 'failed';

/** Runs `task` after `ms`; returns what cancels it. Injected so tests use fake timers or none. */
export type Scheduler = (task: () => void, ms: number) => () => void;

/** The browser's timers, for the app; tests pass their own {@link Scheduler}. */
function timeoutScheduler(task: () => void, ms: number): () => void {
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
}

export interface AutosaveOptions {
  /** Stores what is on screen; `docChanged` is false when only the selection or the view moved. */
  write(snapshot: EditorSnapshot, docChanged: boolean): Promise<void>;
  onStatus(status: SaveStatus, error?: unknown): void;
  /** The longest a change waits before it is written (a burst of changes is one write). */
  delayMs?: number;
  schedule?: Scheduler;
  /** True while what is on screen must not be stored (a panel crashed rendering it); changes wait until it is false and `flush` is called. */
  held?: () => boolean;
}

export interface Autosave {
  /** Writes what is on screen now, if it changed since the last write; resolves when stored. */
  flush(): Promise<void>;
  /** Declares what is on screen as stored (after opening a pipeline), so it is not written back. */
  markSaved(snapshot: EditorSnapshot): void;
  stop(): void;
}

function same(a: EditorSnapshot, b: EditorSnapshot): boolean {
  return a.doc === b.doc && a.selection === b.selection && a.viewport === b.viewport;
}

/**
 * Saves the editor's document, selection and viewport whenever one of them
 * changes. Changes are coalesced: the first change of a burst starts a timer,
 * and one write takes whatever is on screen when it fires, so a drag writes
 * about ten times a second rather than on every frame, and a crash loses at most `delayMs`.
 * The store replaces objects on every change, so comparing references is enough.
 */
export function startAutosave(editor: EditorStore, options: AutosaveOptions): Autosave {
  const delayMs = options.delayMs ?? 100;
  const schedule = options.schedule ?? timeoutScheduler;
  const snapshotOf = (): EditorSnapshot => {
    const { doc, selection, viewport } = editor.getState();
    return { doc, selection, viewport };
  };
  let saved = snapshotOf();
  let cancel: (() => void) | undefined;
  let inFlight = 0;
  let failed = false;
  let last: Promise<void> = Promise.resolve();

  const settle = (): void => {
    if (cancel === undefined && inFlight === 0 && !failed) options.onStatus('saved');
  };

  const flush = (): Promise<void> => {
    cancel?.();
    cancel = undefined;
    if (options.held?.() === true) return last;
    const now = snapshotOf();
    if (same(now, saved)) {
      settle();
      return last;
    }
    const docChanged = now.doc !== saved.doc;
    saved = now;
    inFlight += 1;
    options.onStatus('saving');
    last = options.write(now, docChanged).then(
      () => {
        inFlight -= 1;
        failed = false;
        settle();
      },
      (error: unknown) => {
        inFlight -= 1;
        failed = true;
        options.onStatus('failed', error);
      },
    );
    return last;
  };

  const later = (): void => {
    if (cancel !== undefined) return;
    cancel = schedule(() => {
      cancel = undefined;
      // One write at a time: a large document (a file source's data inline) then saves as
      // often as storage keeps up, not every `delayMs` with writes piling up behind each other.
      if (inFlight > 0) void last.then(flush);
      else void flush();
    }, delayMs);
  };

  const unsubscribe = editor.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.selection === previous.selection && state.viewport === previous.viewport) return;
    if (same(snapshotOf(), saved)) return;
    options.onStatus('saving');
    later();
  });

  return {
    flush,
    markSaved(snapshot) {
      saved = snapshot;
    },
    stop() {
      unsubscribe();
      cancel?.();
      cancel = undefined;
    },
  };
}

/**
 * Flushes when the page is hidden or thrown away (tab switch, close, reload,
 * a phone putting the browser away): the last moment a write reliably starts.
 * A field still being typed is committed first (a reload fires no `blur`), so
 * the flush holds it. Returns what removes the listeners.
 */
export function flushOnPageHide(flush: () => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const onHide = (): void => {
    try {
      commitPendingEdits();
    } finally {
      flush();
    }
  };
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') onHide();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
