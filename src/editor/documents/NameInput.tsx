import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { COMMIT_PAUSE_MS } from '../inspector/useDraft';
import { holdPendingEdit } from '../persistence/pendingEdits';

/**
 * A name edited in place, committed like every other field: after a pause in
 * typing, on Enter, on leaving the field, and when the page is hidden or
 * reloaded. Escape puts back the name the field had when editing began. An
 * empty name is not kept; spaces around a name are dropped. While not
 * focused it shows `name` as it is now, so an undo or another pipeline
 * opening shows up here; while focused it keeps the text as typed (a
 * commit after a pause does not swallow the space just typed).
 */
export function NameInput({ name, label, onRename, className = '', autoFocus = false, onDone }: {
  readonly name: string;
  readonly label: string;
  readonly onRename: (name: string) => void;
  readonly className?: string;
  readonly autoFocus?: boolean;
  /** Called once editing ends, kept or not. */
  readonly onDone?: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const latest = useRef({ name, onRename });
  useLayoutEffect(() => {
    latest.current = { name, onRename };
  });
  const original = useRef(name);
  const cancelled = useRef(false);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const release = useRef<(() => void) | null>(null);

  // One stable function, so the timer, the page-hide hook and unmount all commit the same way.
  const commitPending = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    release.current?.();
    release.current = null;
    const text = pending.current;
    pending.current = null;
    const value = text?.trim() ?? '';
    if (value !== '' && value !== latest.current.name) latest.current.onRename(value);
  }, []);

  useEffect(() => commitPending, [commitPending]);

  const change = (text: string): void => {
    setDraft(text);
    pending.current = text;
    release.current ??= holdPendingEdit(commitPending);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(commitPending, COMMIT_PAUSE_MS);
  };

  const finish = (): void => {
    if (draft === null) return;
    setDraft(null);
    if (cancelled.current) {
      pending.current = null;
      commitPending();
      // A pause may have committed part of what is now taken back.
      if (latest.current.name !== original.current) latest.current.onRename(original.current);
    } else {
      commitPending();
    }
    cancelled.current = false;
    onDone?.();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      // Escape here means "never mind", not "close the menu or dialog around me".
      event.preventDefault();
      event.stopPropagation();
      cancelled.current = true;
      event.currentTarget.blur();
    }
  };
  return (
    <input
      type="text"
      className={`wp-docs-name-input ${className}`}
      aria-label={label}
      value={draft ?? name}
      spellCheck={false}
      autoFocus={autoFocus}
      onFocus={(event) => {
        original.current = name;
        setDraft(name);
        event.currentTarget.select();
      }}
      onChange={(event) => change(event.target.value)}
      onBlur={finish}
      onKeyDown={onKeyDown}
    />
  );
}
