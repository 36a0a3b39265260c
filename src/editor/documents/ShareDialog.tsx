import type { EditorDocument } from '../store/types';
import { Dialog } from './Dialog';

/** Asks before a share link takes the screen; Cancel keeps what is there. */
export function ShareDialog({ doc, currentName, onOpen, onClose }: {
  readonly doc: EditorDocument;
  readonly currentName: string;
  readonly onOpen: () => void;
  readonly onClose: () => void;
}) {
  const nodes = doc.nodes.length === 1 ? '1 node' : `${doc.nodes.length} nodes`;
  return (
    <Dialog title="Open a shared pipeline?" onClose={onClose} className="wp-docs-share-dialog"
      description={<>This link holds <strong>{doc.name}</strong> ({nodes}). It opens as a new pipeline; <strong>{currentName}</strong> stays in your Pipelines menu.</>}>
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button" onClick={onClose}>Cancel</button>
        <button type="button" className="wp-docs-button wp-docs-button-primary" onClick={onOpen}>Open shared pipeline</button>
      </div>
    </Dialog>
  );
}
