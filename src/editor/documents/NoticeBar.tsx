import { useEffect } from 'react';
import type { Notice } from '../persistence/documentSession';

const INFO_MS = 6000;
const WITH_ACTION_MS = 12000;

/**
 * The latest notice of the documents session. Confirmations go away by
 * themselves (an Undo stays a little longer); errors stay until dismissed.
 * The live region is always there, so screen readers hear each new message.
 */
export function NoticeBar({ notice, onDismiss }: { readonly notice: Notice | null; readonly onDismiss: (id: number) => void }) {
  useEffect(() => {
    if (notice === null || notice.tone === 'error') return undefined;
    const timer = setTimeout(() => onDismiss(notice.id), notice.action === undefined ? INFO_MS : WITH_ACTION_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div className="wp-docs-notice-region" role="status" aria-live="polite">
      {notice === null ? null : (
        <div className={`wp-docs-notice wp-docs-notice-${notice.tone}`}>
          <span className="wp-docs-notice-message">{notice.message}</span>
          {notice.action === undefined ? null : (
            <button type="button" className="wp-docs-button wp-docs-button-small" onClick={() => { notice.action?.run(); onDismiss(notice.id); }}>
              {notice.action.label}
            </button>
          )}
          <button type="button" className="wp-docs-notice-dismiss" aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>×</button>
        </div>
      )}
    </div>
  );
}
