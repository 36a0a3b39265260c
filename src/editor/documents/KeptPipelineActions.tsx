import { downloadText, exportFileName } from './transfer';

/**
 * Copy and download for a saved pipeline that cannot be opened (written by a
 * newer Windowpane, or damaged): it stays in storage unchanged, and these
 * give its JSON to fix by hand or to open elsewhere.
 */
export function KeptPipelineActions({ kept, onCopy }: { readonly kept: { readonly name: string; readonly json: string }; readonly onCopy: (text: string) => void }) {
  return (
    <>
      <p className="wp-docs-dialog-note">It is kept unchanged in this browser. Copy or download its JSON to fix it by hand, then import it.</p>
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button" onClick={() => onCopy(kept.json)}>Copy its JSON</button>
        <button type="button" className="wp-docs-button" onClick={() => downloadText(kept.json, exportFileName(kept.name))}>Download its JSON</button>
      </div>
    </>
  );
}
