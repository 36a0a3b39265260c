import { useEffect } from 'react';
import { useEditorStore } from '../store/context';
import { createClipboardCommands, duplicateSelection, redo, selectAll, selectNone, undo, type Area } from './commands';

/** Typing in a field, or working in a dialog, keeps its keys to itself. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null) return true;
  return target.closest('dialog, [role="dialog"], [role="alertdialog"]') !== null;
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== '';
}

/**
 * The editing shortcuts, anywhere in the page but inside text fields and
 * dialogs: Delete/Backspace, Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y,
 * Ctrl/Cmd+C, V, D and A, and Escape to clear the selection. Ctrl/Cmd+S
 * belongs to the documents bar. `notify` shows a short message (what was
 * copied, why a paste failed); `visibleArea` is the part of the canvas on
 * screen, where pasted nodes must land to be seen.
 */
export function useEditingShortcuts(notify: (message: string) => void, visibleArea: () => Area | undefined): void {
  const store = useEditorStore();
  useEffect(() => {
    const clipboard = createClipboardCommands(store, navigator.clipboard);
    const fail = (what: string) => (error: unknown) => {
      notify(error instanceof DOMException && error.name === 'NotAllowedError' ? `The browser did not allow ${what} the clipboard` : `Could not use the clipboard: ${String(error)}`);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || ownsKeys(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === 'Escape' && !mod && !event.altKey && !event.shiftKey) {
        selectNone(store);
        return;
      }
      if (!mod && !event.altKey && (event.key === 'Delete' || event.key === 'Backspace')) {
        const { selection } = store.getState();
        if (selection.nodes.length === 0 && selection.edges.length === 0) return;
        event.preventDefault();
        store.getState().deleteSelection();
        return;
      }
      if (!mod || event.altKey) return;
      const key = event.key.toLowerCase();
      if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
        event.preventDefault();
        redo(store);
      } else if (key === 'z') {
        event.preventDefault();
        undo(store);
      } else if (key === 'a' && !event.shiftKey) {
        event.preventDefault();
        selectAll(store);
      } else if (key === 'd' && !event.shiftKey) {
        event.preventDefault();
        duplicateSelection(store);
      } else if (key === 'c' && !event.shiftKey) {
        // Text the user selected on purpose (a problem message, say) copies as text.
        if (hasTextSelection() || store.getState().selection.nodes.length === 0) return;
        event.preventDefault();
        clipboard.copy().then((n) => notify(`Copied ${n} node${n === 1 ? '' : 's'}`), fail('writing to'));
      } else if (key === 'v' && !event.shiftKey) {
        event.preventDefault();
        clipboard.paste(visibleArea()).then((r) => { if (!r.ok) notify(r.reason); }, fail('reading'));
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, notify, visibleArea]);
}
