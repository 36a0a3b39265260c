import { useCallback, useRef, useState } from 'react';
import { CONTENT_HASH } from '../../model';
import { useEditor, useEditorStore } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { fileStore, formatBytes, hashBlob } from '../../worker/fileStore/store';
import { storeDataFile } from './storeDataFile';
import { markStored, useStoredPresence } from './storedFiles';
import { withStoredFile } from './replaceParams';
import { HiddenFilePicker } from './HiddenFilePicker';

interface Reference {
  readonly hash: string;
  readonly size: number;
  readonly name: string;
}

/** The stored file node `id` refers to, or null (inline data, no file yet, or a malformed reference the inspector reports). */
const referenceOf = (id: string) => (s: EditorState): string | null => {
  const params = s.doc.nodes.find((n) => n.id === id)?.params;
  const stored = params?.stored;
  if (typeof stored !== 'object' || stored === null) return null;
  const { hash, size } = stored as { hash?: unknown; size?: unknown };
  if (typeof hash !== 'string' || !CONTENT_HASH.test(hash) || typeof size !== 'number') return null;
  const name = typeof params?.fileName === 'string' && params.fileName !== '' ? params.fileName : 'the file';
  // A string, so the selector's answer compares by value and the node is not redrawn by other edits.
  return JSON.stringify({ hash, size, name } satisfies Reference);
};

type Step = { readonly kind: 'idle' } | { readonly kind: 'busy'; readonly text: string } | { readonly kind: 'other'; readonly file: File } | { readonly kind: 'problem'; readonly text: string };

/**
 * On a file source whose stored file this browser does not have (an
 * imported or shared document, another machine, cleared storage): says
 * which file is missing and takes it again. The same bytes make the node
 * whole without changing the document; other bytes are used only when the
 * user says so, and then replace the reference with fields read anew.
 */
export function MissingFile({ id, title }: { readonly id: string; readonly title: string }) {
  const store = useEditorStore();
  const json = useEditor(useCallback(referenceOf(id), [id]));
  const reference = json === null ? null : (JSON.parse(json) as Reference);
  const presence = useStoredPresence(reference?.hash);
  const picker = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  if (reference === null) return null;
  // Nothing to see while the file is here (or being looked up); the mark lets tests wait for the answer.
  if (presence !== 'missing') return <span hidden data-testid="stored-file" data-presence={presence} />;

  const useOther = async (file: File): Promise<void> => {
    setStep({ kind: 'busy', text: `Reading ${file.name}…` });
    const params = store.getState().doc.nodes.find((n) => n.id === id)?.params;
    const kept = await storeDataFile(file, typeof params?.eventTime === 'string' ? params.eventTime : undefined);
    if (!kept.ok) return setStep({ kind: 'problem', text: kept.message });
    const now = store.getState().doc.nodes.find((n) => n.id === id)?.params;
    if (now !== undefined) store.getState().setParams(id, withStoredFile(now, file.name, { hash: kept.record.hash, size: kept.record.size }, kept.layout));
    setStep({ kind: 'idle' });
  };

  const choose = async (file: File): Promise<void> => {
    setStep({ kind: 'busy', text: `Checking ${file.name}…` });
    try {
      if (await hashBlob(file) !== reference.hash) return setStep({ kind: 'other', file });
      const record = await fileStore().put(file, reference.name);
      markStored(record.hash);
      setStep({ kind: 'idle' });
    } catch (error) {
      setStep({ kind: 'problem', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="wp-node-file wp-node-file-missing nodrag" data-testid="missing-file">
      <span className="wp-node-file-need">File missing: {reference.name} <span className="wp-node-file-size">({formatBytes(reference.size)})</span></span>
      {step.kind === 'other' ? (
        <>
          <span className="wp-node-file-problem" role="alert">{step.file.name} is not the file this source refers to (its bytes differ). Use it anyway?</span>
          <button type="button" className="wp-node-file-button" onClick={() => void useOther(step.file)}>Use it anyway</button>
          <button type="button" className="wp-node-file-button wp-node-file-button-quiet" onClick={() => setStep({ kind: 'idle' })}>Cancel</button>
        </>
      ) : (
        <button type="button" className="wp-node-file-button" aria-label={`Choose the file for ${title}`} disabled={step.kind === 'busy'} onClick={() => picker.current?.click()}>
          Choose the file
        </button>
      )}
      <HiddenFilePicker inputRef={picker} onFile={(file) => void choose(file)} />
      {step.kind === 'busy' ? <span className="wp-node-file-busy" role="status">{step.text}</span> : null}
      {step.kind === 'problem' ? <span className="wp-node-file-problem" role="alert">{step.text}</span> : null}
    </div>
  );
}
