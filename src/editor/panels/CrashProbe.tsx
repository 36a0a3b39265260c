import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';

declare global {
  interface Window {
    /** End-to-end tests only (see {@link CrashProbe}): titles of panels that fail on their next render. */
    __windowpaneFailPanels?: readonly string[];
  }
}

const documentOf = (s: EditorState) => s.doc;
const selectionOf = (s: EditorState) => s.selection;

/** Under browser automation only: a user's browser never has `navigator.webdriver`, whatever a page or link holds. */
function failureAsked(panel: string): boolean {
  if (typeof window === 'undefined' || typeof navigator === 'undefined' || navigator.webdriver !== true) return false;
  const panels = window.__windowpaneFailPanels;
  return Array.isArray(panels) && panels.includes(panel);
}

/**
 * Lets an end-to-end test make one panel fail, to check that its boundary
 * holds: it renders nothing, and throws when the test listed the panel. It
 * re-renders with the document and the selection, so a test can make a panel
 * fail on an edit or a click as well as when it first appears.
 */
export function CrashProbe({ panel }: { readonly panel: string }) {
  useEditor(documentOf);
  useEditor(selectionOf);
  if (failureAsked(panel)) throw new Error(`${panel} was asked to fail by a test`);
  return null;
}
