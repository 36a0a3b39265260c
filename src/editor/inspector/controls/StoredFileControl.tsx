import { useId, useState, type ChangeEvent } from 'react';
import { INLINE_LIMIT_BYTES } from '../../files/fileReferences';
import { withInlineText, withStoredFile } from '../../files/replaceParams';
import { storeDataFile } from '../../files/storeDataFile';
import { useStoredPresence } from '../../files/storedFiles';
import { fileStore, formatBytes } from '../../../worker/fileStore/store';
import { ParamFrame } from './ParamFrame';
import type { ControlProps } from './types';

/** What the inspector shows of a file source that refers to a stored file. */
export interface StoredFileView {
  readonly hash: string;
  readonly size: number;
  readonly name: string;
  readonly format: string;
  readonly fields: readonly { readonly name: string; readonly type: string }[];
}

/** The params a change builds on, read when the change happens, and where it goes. */
export interface StoredFileEdits {
  readonly params: () => Readonly<Record<string, unknown>> | undefined;
  readonly apply: (params: Record<string, unknown>) => void;
}

const DATA_FILES = '.csv,.tsv,.ndjson,.jsonl,.json,.parquet,.gz,.txt,text/csv,application/json';

/** Text can stand for the file only when it is small and is text (Parquet and gzip are not). */
function inlineable(view: StoredFileView): boolean {
  return view.size < INLINE_LIMIT_BYTES && view.format !== 'parquet' && !/\.gz$/i.test(view.name);
}

/**
 * A file source's data when it refers to a stored file: the file's name,
 * size and fields, "Choose another file" (stored and referred to as a drop
 * is) and, for small text files, "Edit as text", which puts the file's text
 * in the document instead of the reference. Never both.
 */
export function StoredFileControl(props: ControlProps & { readonly file: StoredFileView; readonly edits: StoredFileEdits }) {
  const { file, edits } = props;
  const presence = useStoredPresence(file.hash);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const pickerId = useId();

  const choose = async (picked: File): Promise<void> => {
    setBusy(`Reading ${picked.name}…`);
    setProblem(null);
    const before = edits.params();
    const kept = await storeDataFile(picked, typeof before?.eventTime === 'string' ? before.eventTime : undefined);
    setBusy(null);
    if (!kept.ok) return setProblem(kept.message);
    const now = edits.params();
    if (now !== undefined) edits.apply(withStoredFile(now, picked.name, { hash: kept.record.hash, size: kept.record.size }, kept.layout));
  };
  const load = (event: ChangeEvent<HTMLInputElement>): void => {
    const picked = event.target.files?.[0];
    // Cleared so that choosing the same file again still loads it.
    event.target.value = '';
    if (picked !== undefined) void choose(picked);
  };
  const toText = async (): Promise<void> => {
    setBusy(`Reading ${file.name}…`);
    setProblem(null);
    try {
      const record = await fileStore().get(file.hash);
      if (record === null) return setProblem(`${file.name} is not in this browser; choose it again first.`);
      const text = await record.blob.text();
      const now = edits.params();
      if (now !== undefined) edits.apply(withInlineText(now, text));
    } catch (error) {
      setProblem(`${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  };

  // Its own label and help: the param's are about inline text, which this source does not hold.
  const control: ControlProps = {
    ...props, label: 'Data file', path: `${props.kind}.stored`,
    spec: { ...props.spec, description: "The file this source reads, kept in this browser's file store: the pipeline holds only its name, size and content hash." },
  };
  return (
    <ParamFrame control={control} layout="group" messages={problem === null ? props.problems : [...props.problems, problem]} hint="kept in this browser">
      <div id={props.id} className="wp-stored-file" role="group" aria-label="Stored file">
        <p className="wp-stored-file-name">
          <strong>{file.name}</strong> <span className="muted">{formatBytes(file.size)}</span>
          {presence === 'missing' && <span className="wp-stored-file-missing"> · not in this browser</span>}
        </p>
        <details className="wp-stored-file-fields">
          <summary>{file.fields.length} field{file.fields.length === 1 ? '' : 's'} found</summary>
          <ul>{file.fields.map((f) => <li key={f.name}><code>{f.name}</code> <span className="wp-field-type">{f.type}</span></li>)}</ul>
        </details>
      </div>
      <div className="wp-file-actions">
        <input id={pickerId} className="visually-hidden wp-file-picker" type="file" accept={DATA_FILES} onChange={load} />
        <label className="wp-button" htmlFor={pickerId}>Choose another file…</label>
        {inlineable(file) && presence === 'present' && (
          <button type="button" className="wp-button wp-button-quiet" disabled={busy !== null} onClick={() => void toText()}
            title={`Puts the file's text in the pipeline (files under ${formatBytes(INLINE_LIMIT_BYTES)}), to edit it here`}>
            Edit as text
          </button>
        )}
        {busy !== null && <span className="muted">{busy}</span>}
      </div>
    </ParamFrame>
  );
}

/** The stored file `params` refer to, for the inspector, or null when they hold none. */
export function storedFileView(params: Readonly<Record<string, unknown>>): StoredFileView | null {
  const stored = params.stored;
  if (typeof stored !== 'object' || stored === null) return null;
  const { hash, size } = stored as { hash?: unknown; size?: unknown };
  if (typeof hash !== 'string' || typeof size !== 'number') return null;
  const fields = Array.isArray(params.fields)
    ? params.fields.flatMap((f: unknown) => {
      const { name, type } = (typeof f === 'object' && f !== null ? f : {}) as { name?: unknown; type?: unknown };
      return typeof name === 'string' && typeof type === 'string' ? [{ name, type }] : [];
    })
    : [];
  const name = typeof params.fileName === 'string' && params.fileName !== '' ? params.fileName : 'the file';
  return { hash, size, name, format: typeof params.format === 'string' ? params.format : 'auto', fields };
}
