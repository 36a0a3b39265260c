import type { EditorState } from '../store/documentStore';

/**
 * What a file source still needs: undefined once it holds data or refers to a
 * stored file (or is not there), else the file it names (null for any file).
 */
export const wantedFile = (id: string) => (s: EditorState): string | null | undefined => {
  const node = s.doc.nodes.find((n) => n.id === id);
  const params = node?.params;
  if (node === undefined || node.kind !== 'source.file' || params === undefined || (typeof params.data === 'string' && params.data !== '') || params.stored !== undefined) return undefined;
  return typeof params.fileName === 'string' && params.fileName !== '' ? params.fileName : null;
};
