/** Typing in a field, or working in a dialog, keeps its keys to itself. */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null) return true;
  return target.closest('dialog, [role="dialog"], [role="alertdialog"]') !== null;
}

/**
 * Whether the arrow keys at `target` are free to move nodes: on the page
 * itself, the main area, or the canvas and its nodes. Elsewhere they belong
 * to what has the focus (tabs, a scrolling table, the dock's resize handle,
 * the palette, the canvas's toolbars and mini map).
 */
export function arrowsMoveNodes(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target === document.body || target.id === 'main') return true;
  return target.closest('.react-flow') !== null && target.closest('.react-flow__panel, .react-flow__handle') === null && !ownsKeys(target);
}

/** The id of the canvas node that holds the focus, or null. */
export function focusedNodeId(): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  return active.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? null;
}
