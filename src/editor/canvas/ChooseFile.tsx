import { useCallback, useRef, useState } from 'react';
import { useEditor, useEditorStore } from '../store/context';
import { MissingFile } from '../files/MissingFile';
import { withStoredFile } from '../files/replaceParams';
import { storeDataFile } from '../files/storeDataFile';
import { HiddenFilePicker } from '../files/HiddenFilePicker';
import { wantedFile } from '../files/wantedFile';

const DATA_FILES = '.csv,.tsv,.ndjson,.jsonl,.json,.parquet,.gz,.txt,text/csv,application/json';

/**
 * On a file source without data (an example such as NYC taxi, which names
 * its file but cannot ship it, or a shared link that left big data out):
 * says so, and picks the file from the computer. The file is kept in the
 * browser's file store and the node refers to it; its own settings stay.
 * A node that refers to a stored file this browser lacks shows
 * {@link MissingFile} instead.
 */
export function ChooseFile({ id, title }: { readonly id: string; readonly title: string }) {
  const store = useEditorStore();
  const wanted = useEditor(useCallback(wantedFile(id), [id]));
  const picker = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (wanted === undefined) return <MissingFile id={id} title={title} />;

  const choose = async (file: File): Promise<void> => {
    const before = store.getState().doc.nodes.find((n) => n.id === id)?.params;
    const kept = await storeDataFile(file, typeof before?.eventTime === 'string' ? before.eventTime : undefined);
    if (!kept.ok) return setProblem(kept.message);
    const params = store.getState().doc.nodes.find((n) => n.id === id)?.params;
    if (params === undefined) return;
    setProblem(null);
    store.getState().setParams(id, withStoredFile(params, file.name, { hash: kept.record.hash, size: kept.record.size }, kept.layout));
  };

  return (
    <div className="wp-node-file nodrag">
      <span className="wp-node-file-need">{wanted === null ? 'Needs a data file' : `Needs ${wanted}`}</span>
      <button type="button" className="wp-node-file-button" aria-label={`Choose file for ${title}`} onClick={() => picker.current?.click()}>
        Choose file
      </button>
      <HiddenFilePicker inputRef={picker} accept={DATA_FILES} onFile={(file) => void choose(file)} />
      {problem === null ? null : <span className="wp-node-file-problem" role="alert">{problem}</span>}
    </div>
  );
}
