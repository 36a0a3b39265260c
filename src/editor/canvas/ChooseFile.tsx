import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import { useEditor, useEditorStore } from '../store/context';
import type { EditorState } from '../store/documentStore';

/** What a file source still needs: undefined once it holds data, else the file it names (null for any file). */
const wantedFile = (id: string) => (s: EditorState): string | null | undefined => {
  const params = s.doc.nodes.find((n) => n.id === id)?.params;
  if (params === undefined || (typeof params.data === 'string' && params.data !== '')) return undefined;
  return typeof params.fileName === 'string' && params.fileName !== '' ? params.fileName : null;
};

/**
 * On a file source without data (an example such as NYC taxi, which names
 * its file but cannot ship it): says so, and picks the file from the
 * computer. The file's text goes into the node; its settings stay, since
 * the example knows its columns.
 */
export function ChooseFile({ id, title }: { readonly id: string; readonly title: string }) {
  const store = useEditorStore();
  const wanted = useEditor(useCallback(wantedFile(id), [id]));
  const picker = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (wanted === undefined) return null;

  const load = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again still loads it.
    event.target.value = '';
    if (file === undefined) return;
    file.text().then((text) => {
      const params = store.getState().doc.nodes.find((n) => n.id === id)?.params;
      if (params === undefined) return;
      setProblem(null);
      store.getState().setParams(id, { ...params, data: text, fileName: file.name });
    }, (error: unknown) => setProblem(`${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`));
  };

  return (
    <div className="wp-node-file nodrag">
      <span className="wp-node-file-need">{wanted === null ? 'Needs a data file' : `Needs ${wanted}`}</span>
      <button type="button" className="wp-node-file-button" aria-label={`Choose file for ${title}`} onClick={() => picker.current?.click()}>
        Choose file
      </button>
      <input ref={picker} type="file" hidden accept=".csv,.tsv,.ndjson,.jsonl,.json,.txt,text/csv,application/json" aria-hidden="true" tabIndex={-1} onChange={load} />
      {problem === null ? null : <span className="wp-node-file-problem" role="alert">{problem}</span>}
    </div>
  );
}
