import { useState } from 'react';
import { describeFiles, INLINE_LIMIT_BYTES, type FileReference } from '../files/fileReferences';
import { formatBytes } from '../../worker/fileStore/store';
import { Dialog } from './Dialog';

/**
 * Export of a pipeline whose sources refer to stored files: by default the
 * file holds the references only (whoever imports it is asked for the
 * files); "Include data" inlines each stored file under 5 MB.
 */
export function ExportDialog({ files, onDownload, onClose }: {
  readonly files: readonly FileReference[];
  readonly onDownload: (includeData: boolean) => void;
  readonly onClose: () => void;
}) {
  const [includeData, setIncludeData] = useState(false);
  const one = files.length === 1;
  return (
    <Dialog title="Export the pipeline" onClose={onClose} className="wp-docs-export-dialog"
      description={<>This pipeline reads {one ? 'a file' : `${files.length} files`} kept in this browser: {describeFiles(files)}. The export refers to {one ? 'it' : 'them'} without the data; whoever imports it is asked for {one ? 'the file' : 'the files'}.</>}>
      <label className="wp-docs-check">
        <input type="checkbox" checked={includeData} onChange={(event) => setIncludeData(event.target.checked)} />
        Include data (files under {formatBytes(INLINE_LIMIT_BYTES)})
      </label>
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button" onClick={onClose}>Cancel</button>
        <button type="button" className="wp-docs-button wp-docs-button-primary" onClick={() => onDownload(includeData)}>Download</button>
      </div>
    </Dialog>
  );
}
