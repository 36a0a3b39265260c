import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './documentStore';

const EditorStoreContext = createContext<EditorStore | null>(null);

/** Provides the editor store to the canvas, palette, inspector and panels. */
export function EditorStoreProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

/** The store itself, for actions and imperative reads (no re-render). */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (store === null) throw new Error('useEditorStore needs an EditorStoreProvider above it.');
  return store;
}

/** Subscribes to a slice of the editor state; define selectors once at module level. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
