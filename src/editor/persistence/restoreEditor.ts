import type { EditorStore } from '../store/documentStore';
import { indexedDbBackend, memoryBackend, type KeyValueBackend } from './backend';
import { createDocumentSession, type DocumentSession } from './documentSession';

const sessions = new WeakMap<EditorStore, { session: DocumentSession; restored: Promise<DocumentSession> }>();

function start(store: EditorStore, backend?: KeyValueBackend): { session: DocumentSession; restored: Promise<DocumentSession> } {
  const known = sessions.get(store);
  if (known !== undefined) return known;
  let session: DocumentSession;
  try {
    session = createDocumentSession(store, { backend: backend ?? indexedDbBackend() });
  } catch (error) {
    // No IndexedDB at all: the session says so and keeps the work in memory.
    session = createDocumentSession(store, { backend: memoryBackend(), unavailable: error instanceof Error ? error.message : String(error) });
  }
  const entry = { session, restored: session.restore().then(() => session) };
  sessions.set(store, entry);
  return entry;
}

/**
 * Loads the pipeline that was open last time (document, selection and
 * viewport) into `store`, with an empty undo history, and saves every change
 * from then on. Never rejects: an unreadable record starts a fresh pipeline
 * with a notice, and without IndexedDB the work lives as long as the page.
 *
 * Call it once in src/main.tsx and render after it resolves, so the first
 * paint already shows the saved work:
 *
 * ```tsx
 * const store = createEditorStore();
 * await restoreEditor(store);
 * createRoot(container).render(<EditorStoreProvider store={store}>...</EditorStoreProvider>);
 * ```
 *
 * `backend` is for tests; the app uses IndexedDB.
 */
export function restoreEditor(store: EditorStore, backend?: KeyValueBackend): Promise<DocumentSession> {
  return start(store, backend).restored;
}

/**
 * The documents session of `store`, for the documents bar. When the app did
 * not call {@link restoreEditor} it starts one here, so the bar still works;
 * the saved work then arrives just after the first paint instead of before it.
 */
export function documentSessionFor(store: EditorStore): DocumentSession {
  return start(store).session;
}
