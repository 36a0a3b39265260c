import type { Problem } from '../../model';
import { Dialog } from './Dialog';
import { ProblemList } from './ProblemList';

/** Why a file, a paste or a link could not be opened; the canvas is left as it was. */
export function ProblemsDialog({ title, problems, onClose }: { readonly title: string; readonly problems: readonly Problem[]; readonly onClose: () => void }) {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return (
    <Dialog title={title} onClose={onClose} className="wp-docs-problems-dialog" description={`${count} found. Nothing on the canvas was changed.`}>
      <ProblemList problems={problems} label="Problems found" />
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button wp-docs-button-primary" onClick={onClose}>Close</button>
      </div>
    </Dialog>
  );
}
