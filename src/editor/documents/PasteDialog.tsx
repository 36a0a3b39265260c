import { useId, useState, type ReactNode } from 'react';
import type { Problem } from '../../model';
import { Dialog } from './Dialog';
import { ProblemList } from './ProblemList';

/**
 * "Paste JSON": a text area for pipeline JSON. Problems are listed inside the
 * dialog, beside the text, so the text can be fixed and imported again.
 */
export function PasteDialog({ onImport, onClose, progress = null }: {
  /** Imports the text; resolves to its problems when it cannot be opened. */
  readonly onImport: (text: string) => Promise<readonly Problem[] | null>;
  readonly onClose: () => void;
  /** The import under way, shown in the dialog (the page behind it cannot be clicked). */
  readonly progress?: ReactNode;
}) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<readonly Problem[] | null>(null);
  const fieldId = useId();
  const submit = async (): Promise<void> => {
    const found = await onImport(text);
    if (found !== null) setProblems(found);
  };
  return (
    <Dialog title="Paste pipeline JSON" onClose={onClose} className="wp-docs-paste-dialog">
      <label htmlFor={fieldId} className="wp-docs-field-label">Pipeline JSON</label>
      <textarea
        id={fieldId}
        className="wp-docs-paste-text"
        value={text}
        spellCheck={false}
        autoFocus
        rows={14}
        placeholder='{ "format": "windowpane.pipeline", "version": 1, ... }'
        onChange={(event) => { setText(event.target.value); setProblems(null); }}
      />
      {problems === null ? null : (
        <div role="alert" className="wp-docs-paste-problems">
          <h3>{problems.length === 1 ? '1 problem' : `${problems.length} problems`}; nothing was imported</h3>
          <ProblemList problems={problems} label="Problems found" />
        </div>
      )}
      {progress}
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button" onClick={onClose}>Cancel</button>
        <button type="button" className="wp-docs-button wp-docs-button-primary" disabled={text.trim() === ''} onClick={() => void submit()}>Import</button>
      </div>
    </Dialog>
  );
}
