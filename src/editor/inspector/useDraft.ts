import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { holdPendingEdit } from '../persistence/pendingEdits';

/** How long typing must pause before a text edit becomes an undo step. */
export const COMMIT_PAUSE_MS = 600;

/**
 * Local text for an input that commits to the store after a pause, on blur
 * or on Enter, so typing "30s" is one undo step rather than three. When the
 * committed value changes from outside (undo, another view), the draft
 * follows it. A pending edit is committed when the input unmounts, and when
 * the page is hidden or left (see {@link holdPendingEdit}), so a reload right
 * after typing keeps what was typed.
 */
export function useDraft<T>(value: T, commit: (next: T) => void): {
  draft: T;
  change: (next: T) => void;
  flush: () => void;
  /** The draft differs from what the document holds: its problems are not yet known. */
  dirty: boolean;
} {
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  if (!Object.is(base, value)) {
    // The document moved on (a commit, an undo): show what it holds.
    setBase(value);
    setDraft(value);
  }
  const commitRef = useRef(commit);
  const valueRef = useRef(value);
  useLayoutEffect(() => {
    commitRef.current = commit;
    valueRef.current = value;
  });
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const release = useRef<(() => void) | null>(null);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    release.current?.();
    release.current = null;
    const next = pending.current;
    pending.current = null;
    if (next !== null && !Object.is(next.value, valueRef.current)) commitRef.current(next.value);
  }, []);

  const change = useCallback((next: T) => {
    setDraft(next);
    pending.current = { value: next };
    release.current ??= holdPendingEdit(flush);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, COMMIT_PAUSE_MS);
  }, [flush]);

  useEffect(() => flush, [flush]);

  return { draft, change, flush, dirty: !Object.is(draft, value) };
}
