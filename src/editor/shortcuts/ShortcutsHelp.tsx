import { useEffect, useId, useRef, useState } from 'react';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = MAC ? '⌘' : 'Ctrl';

const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Add a node', 'Drag from the palette, double-click it, or Enter: it lands right of the selected node'],
  ['Connect', 'Drag from an output handle to a node'],
  ['Connect from the keyboard', 'C on the selected or focused node, or Enter on a handle, then pick the node'],
  ['Select a node', 'Click it, or Tab to it and press Enter'],
  ['Move the selected nodes', 'Arrow keys, Shift+arrow for four steps'],
  ['Select several', 'Drag a box, or Shift+click'],
  ['Select all', `${MOD}+A`],
  ['Clear the selection', 'Esc'],
  ['Delete', 'Delete or Backspace'],
  ['Copy, paste', `${MOD}+C, ${MOD}+V`],
  ['Duplicate', `${MOD}+D`],
  ['Undo', `${MOD}+Z`],
  ['Redo', `${MOD}+Shift+Z or Ctrl+Y`],
  ['Export', `${MOD}+S`],
  ['Run or pause', `F5 or ${MOD}+Enter`],
  ['Step one batch, one event', 'F10, Shift+F10'],
  ['Step back one batch, one event', 'F9, Shift+F9'],
  ['Stop the run', 'Shift+F5'],
  ['Pan', 'Scroll, Space+drag, or drag with the middle button'],
  ['Zoom', `${MOD}+scroll, or pinch`],
];

/** A button that lists the editor's shortcuts and gestures. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: Event): void => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="wp-shortcuts" ref={root}>
      <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3 7h18v11H3z M7 11h1 M11 11h2 M16 11h1 M8 14.5h8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && (
        // Focusable: in a short window the list scrolls, and the arrow keys should scroll it.
        <div className="wp-shortcuts-panel" id={id} role="region" aria-label="Keyboard shortcuts" tabIndex={0}>
          <dl>
            {SHORTCUTS.map(([what, keys]) => (
              <div key={what}>
                <dt>{what}</dt>
                <dd>{keys}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
