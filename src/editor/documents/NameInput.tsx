import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * A name edited in place: Enter or leaving the field keeps it, Escape puts
 * the old one back. An empty name is not kept. While not focused it shows
 * `name` as it is now, so an undo or another pipeline opening shows up here.
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
  const cancelled = useRef(false);
  const finish = (): void => {
    if (draft === null) return;
    const value = draft.trim();
    setDraft(null);
    if (!cancelled.current && value !== '' && value !== name) onRename(value);
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
        setDraft(name);
        event.currentTarget.select();
      }}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={finish}
      onKeyDown={onKeyDown}
    />
  );
}
