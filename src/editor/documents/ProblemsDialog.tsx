import type { ReactNode } from 'react';
import type { Problem } from '../../model';
import { Dialog } from './Dialog';
import { ProblemList } from './ProblemList';

/** Why a file, a paste or a link could not be opened; the canvas is left as it was. */
export function ProblemsDialog({ title, problems, onClose, children }: {
  readonly title: string;
  readonly problems: readonly Problem[];
  readonly onClose: () => void;
  /** More to say or offer, between the list and Close. */
  readonly children?: ReactNode;
}) {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return (
    <Dialog title={title} onClose={onClose} className="wp-docs-problems-dialog" description={`${count} found. Nothing on the canvas was changed.`}>
      <ProblemList problems={problems} label="Problems found" />
      {children}
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button wp-docs-button-primary" onClick={onClose}>Close</button>
      </div>
    </Dialog>
  );
}
