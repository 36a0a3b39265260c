import type { EditorDocument } from '../store/types';
import { Dialog } from './Dialog';
import { filesToAskFor } from '../files/fileReferences';
import { formatBytes } from '../../worker/fileStore/store';

/** Asks before a share link takes the screen; Cancel keeps what is there. */
export function ShareDialog({ doc, currentName, onOpen, onClose }: {
  readonly doc: EditorDocument;
  readonly currentName: string;
  readonly onOpen: () => void;
  readonly onClose: () => void;
}) {
  const nodes = doc.nodes.length === 1 ? '1 node' : `${doc.nodes.length} nodes`;
  const files = filesToAskFor(doc);
  const named = files.map((f) => (f.size === null ? f.name : `${f.name} (${formatBytes(f.size)})`)).join(', ');
  return (
    <Dialog title="Open a shared pipeline?" onClose={onClose} className="wp-docs-share-dialog"
      description={<>This link holds <strong>{doc.name}</strong> ({nodes}). It opens as a new pipeline; <strong>{currentName}</strong> stays in your Pipelines menu.</>}>
      {files.length === 0 ? null : (
        <p className="wp-docs-share-files">It reads {files.length === 1 ? 'a file' : 'files'} that links never carry: the node asks for {named} unless this browser has it already.</p>
      )}
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button" onClick={onClose}>Cancel</button>
        <button type="button" className="wp-docs-button wp-docs-button-primary" onClick={onOpen}>Open shared pipeline</button>
      </div>
    </Dialog>
  );
}
