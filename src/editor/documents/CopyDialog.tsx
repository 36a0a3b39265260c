import { useEffect, useId, useRef } from 'react';
import { Dialog } from './Dialog';

/** When the browser will not let us copy: the text, selected, to copy by hand. */
export function CopyDialog({ title, text, onClose }: { readonly title: string; readonly text: string; readonly onClose: () => void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  useEffect(() => ref.current?.select(), []);
  return (
    <Dialog title={title} onClose={onClose} className="wp-docs-copy-dialog" description="This browser did not allow copying. Press Ctrl+C (⌘C on a Mac) to copy the selected text.">
      <label htmlFor={fieldId} className="wp-docs-field-label">Text to copy</label>
      <textarea id={fieldId} ref={ref} className="wp-docs-paste-text" readOnly value={text} rows={text.length > 200 ? 12 : 3} />
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button wp-docs-button-primary" onClick={onClose}>Done</button>
      </div>
    </Dialog>
  );
}
