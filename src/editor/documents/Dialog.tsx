import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus, makes the
 * page behind inert, and closes it on Escape, which calls `onClose`.
 * Removing the component closes it too. The first control gets the focus,
 * so put the safe choice (Cancel) first.
 */
export function Dialog({ title, onClose, children, className = '', description }: {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly className?: string;
  /** A sentence under the heading, read out with the title when the dialog opens. */
  readonly description?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // Focus goes back where it was when the dialog goes, as it does when a native dialog closes itself.
    const before = document.activeElement;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`wp-docs-dialog ${className}`}
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
      onClose={onClose}
    >
      <h2 id={titleId} className="wp-docs-dialog-title">{title}</h2>
      {description === undefined ? null : <p id={descriptionId} className="wp-docs-dialog-description">{description}</p>}
      {children}
    </dialog>
  );
}
