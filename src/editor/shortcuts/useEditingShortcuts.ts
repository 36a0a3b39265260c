import { useEffect } from 'react';
import { GRID } from '../canvas/flowTypes';
import { useEditorStore } from '../store/context';
import { createClipboardCommands, duplicateSelection, nudgeSelection, redo, selectAll, selectNone, undo, type Area } from './commands';
import { arrowsMoveNodes, ownsKeys } from './keyTargets';

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== '';
}

const ARROWS: ReadonlyMap<string, { x: number; y: number }> = new Map([
  ['ArrowLeft', { x: -1, y: 0 }],
  ['ArrowRight', { x: 1, y: 0 }],
  ['ArrowUp', { x: 0, y: -1 }],
  ['ArrowDown', { x: 0, y: 1 }],
]);
/** Shift+arrow: four grid steps, as React Flow moves a focused node. */
const BIG_STEP = 4 * GRID;

/**
 * The editing shortcuts, anywhere in the page but inside text fields and
 * dialogs: Delete/Backspace, Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y,
 * Ctrl/Cmd+C, V, D and A, Escape to clear the selection, and the arrow
 * keys (Shift for four steps) to move the selected nodes by a grid step,
 * one undo step a press, while the focus is on the canvas or the page. Ctrl/Cmd+S
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
      const arrow = ARROWS.get(event.key);
      if (arrow !== undefined && !mod && !event.altKey && arrowsMoveNodes(event.target)) {
        const step = event.shiftKey ? BIG_STEP : GRID;
        if (nudgeSelection(store, arrow.x * step, arrow.y * step)) event.preventDefault();
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
