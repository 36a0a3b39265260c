import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';

const documentName = (s: EditorState) => s.doc.name;

/** The bar above the canvas: the pipeline's name and what can be done with the document. */
export function DocumentsBar() {
  const name = useEditor(documentName);
  return (
    <div className="wp-documents-bar" role="toolbar" aria-label="Pipeline">
      <span className="wp-document-name">{name}</span>
    </div>
  );
}
