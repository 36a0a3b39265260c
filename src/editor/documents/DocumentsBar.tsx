import { useCallback, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { loadPipeline, type Problem } from '../../model';
import type { DocumentsState } from '../persistence/documentSession';
import { documentSessionFor } from '../persistence/restoreEditor';
import { useEditor, useEditorStore } from '../store/context';
import { toPipelineJson } from '../store/documentFormat';
import type { EditorState } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { CopyDialog } from './CopyDialog';
import { ExportDialog } from './ExportDialog';
import { describeFiles, fileReferences, filesToAskFor, forShareLink, inlineSmallFiles, type InlinedExport } from '../files/fileReferences';
import { fileStore, formatBytes } from '../../worker/fileStore/store';
import { exampleCards } from './examples';
import { readCard, type GalleryCard } from './gallery';
import { GalleryDialog } from './GalleryDialog';
import { NameInput } from './NameInput';
import { NoticeBar } from './NoticeBar';
import { PasteDialog } from './PasteDialog';
import { KeptPipelineActions } from './KeptPipelineActions';
import { PipelinesMenu, type PipelineActions } from './PipelinesMenu';
import { ProblemsDialog } from './ProblemsDialog';
import { shareLink } from './share';
import { ShareDialog } from './ShareDialog';
import { looksLikeDataFile } from './dataFile';
import { ImportProgress } from './import/ImportProgress';
import type { ImportOutcome } from './import/importClient';
import { useImport } from './import/useImport';
import { copyText, downloadText, exportFileName, looksLikeJsonFile } from './transfer';
import { useDataFileDrop, type ScreenPoint } from './useDataFileDrop';
import { useFileDrop } from './useFileDrop';
import { useSaveShortcut } from './useSaveShortcut';
import { useShareLink } from './useShareLink';
import { FLINK_SQL_BUTTON_ID, showFlinkSql } from '../flinkSql/store';
import './documents.css';
import { HiddenFilePicker } from '../files/HiddenFilePicker';

const documentName = (s: EditorState) => s.doc.name;
const sessionView = (s: DocumentsState) => ({ pipelines: s.pipelines, openId: s.openId, status: s.status, notice: s.notice });

const STATUS_TEXT: Record<DocumentsState['status'], string> = {
  saved: 'Saved',
  saving: 'Saving…',
  failed: 'Not saved',
  memory: 'Not saved: no storage',
  paused: 'Not saved: a panel failed',
};

const MAX_LINK_LENGTH = 2_000_000;
/** Files from this size on show how far storing them got. */
const BIG_FILE_BYTES = 32 << 20;

type OpenDialog =
  | { readonly kind: 'problems'; readonly title: string; readonly problems: readonly Problem[]; readonly kept?: KeptPipeline }
  | { readonly kind: 'gallery' }
  | { readonly kind: 'paste' }
  | { readonly kind: 'export' }
  | { readonly kind: 'copy'; readonly title: string; readonly text: string };

/** A stored pipeline that cannot be opened, offered as its JSON so it is never lost. */
interface KeptPipeline {
  readonly name: string;
  readonly json: string;
}

/** Whether a JSON file's first non-blank character opens an array (data rows, not a pipeline). */
async function startsWithArray(file: Blob): Promise<boolean> {
  const head = await file.slice(0, 256).text();
  return /^\uFEFF?\s*\[/.test(head);
}

/** What an export with data says about the files: which went in, and which stayed references and why. */
function inlinedSentence(done: InlinedExport): string {
  const parts: string[] = [];
  if (done.inlined.length > 0) parts.push(` It includes the data of ${describeFiles(done.inlined)}.`);
  if (done.tooBig.length > 0) parts.push(` Too big to include (5 MB or more): ${describeFiles(done.tooBig)}; whoever imports it is asked for ${done.tooBig.length === 1 ? 'that file' : 'those files'}.`);
  if (done.notText.length > 0) parts.push(` Parquet files are never included: ${describeFiles(done.notText)}.`);
  if (done.missing.length > 0) parts.push(` Not in this browser, so not included: ${describeFiles(done.missing)}.`);
  return parts.join('');
}

function plural(n: number, word: string): string {
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}

/**
 * The bar above the canvas: the open pipeline's name (edit it in place), the
 * pipelines kept in this browser, new from an example, import (file, drop,
 * paste), export (download, Ctrl/⌘+S, copy) and share links.
 *
 * Imports, examples and share links open as a pipeline of their own rather
 * than replacing the one on screen: with several named pipelines that is what
 * people expect from "open a file", nothing is ever overwritten, and the
 * previous work is one click away in the Pipelines menu. An untouched empty
 * pipeline is reused instead of being left behind.
 */
export function DocumentsBar() {
  const store = useEditorStore();
  const session = useMemo(() => documentSessionFor(store), [store]);
  const name = useEditor(documentName);
  const { pipelines, openId, status, notice } = useStore(session.state, useShallow(sessionView));
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const share = useShareLink();
  const closeDialog = useCallback(() => setDialog(null), []);
  const dismissNotice = useCallback((id: number) => session.dismissNotice(id), [session]);

  // Hashing a big file takes seconds: the notice says how far it got, about once per percent.
  const storing = useCallback((file: File, done: number): void => {
    if (file.size < BIG_FILE_BYTES || done === file.size) return;
    session.notify(`Keeping ${file.name} in this browser: ${Math.floor((done / file.size) * 100)}% of ${formatBytes(file.size)} read…`);
  }, [session]);
  const addDataFile = useDataFileDrop(storing);
  const importer = useImport();
  const showProblems = (title: string, problems: readonly Problem[]): void => setDialog({ kind: 'problems', title, problems });

  const openDocument = async (doc: EditorDocument, from: string): Promise<void> => {
    const outcome = await session.openAsNew(doc);
    // The name it opened under: "Card spend (2)" when a pipeline is called "Card spend" already.
    if (outcome.ok) session.notify(`Opened “${store.getState().doc.name}” from ${from}.`);
    else showProblems(`“${doc.name}” could not be opened`, outcome.problems);
  };

  /**
   * Opens what the import worker read; its problems when it is not a valid
   * pipeline, [] when cancelled (nothing is changed then), null once opened.
   */
  const openImported = async (outcome: ImportOutcome, name: string, from: string): Promise<readonly Problem[] | null> => {
    if (!outcome.ok) {
      if ('cancelled' in outcome) {
        session.notify(`The import of “${name}” was cancelled; nothing was opened.`);
        return [];
      }
      return outcome.problems;
    }
    await importer.opening(name);
    try {
      await openDocument(outcome.doc, from);
    } finally {
      importer.done();
    }
    return null;
  };

  /** Imports pasted text, read in the import worker. */
  const importText = async (text: string, from: string): Promise<readonly Problem[] | null> =>
    openImported(await importer.read(text, from), from, from);

  const importFile = async (file: File, at: ScreenPoint | null): Promise<void> => {
    const title = `“${file.name}” can't be imported`;
    // A JSON array is data (a pipeline is an object): it becomes a file source too.
    if (looksLikeDataFile(file) || (looksLikeJsonFile(file) && await startsWithArray(file))) {
      // Data, not a pipeline: it becomes a file source on this canvas.
      const added = await addDataFile(file, at);
      if (added.ok) session.notify(added.message);
      else showProblems(`“${file.name}” can't be used as a file source`, [{ path: '', message: added.message }]);
      return;
    }
    if (!looksLikeJsonFile(file)) {
      showProblems(title, [{ path: '', message: `${file.name} is not a pipeline or data file: Windowpane opens pipeline files ending in .json, and CSV or NDJSON data as a file source` }]);
      return;
    }
    // Read, parsed and checked in the import worker: the page stays responsive and shows how far it got.
    const problems = await openImported(await importer.read(file, file.name), file.name, file.name);
    if (problems !== null && problems.length > 0) showProblems(title, problems);
  };

  /** Downloads `doc` as pipeline JSON and says so; `also`: what else to say (files left as references). */
  const download = (doc: EditorDocument, also = ''): void => {
    const json = toPipelineJson(doc);
    downloadText(json, exportFileName(doc.name));
    const checked = loadPipeline(json);
    session.notify(checked.ok
      ? `Downloaded ${exportFileName(doc.name)}.${also}`
      : `Downloaded ${exportFileName(doc.name)}. It has ${plural(checked.problems.length, 'problem')}, which an import will list.${also}`);
  };

  const exportDownload = (): void => {
    // A pipeline that reads stored files asks whether to include their data.
    if (fileReferences(store.getState().doc).length > 0) setDialog({ kind: 'export' });
    else download(store.getState().doc);
  };

  const exportWith = async (includeData: boolean): Promise<void> => {
    setDialog(null);
    const doc = store.getState().doc;
    if (!includeData) {
      download(doc, ` The data of ${describeFiles(fileReferences(doc))} is not in it: whoever imports it is asked for the file.`);
      return;
    }
    const done = await inlineSmallFiles(doc, (hash) => fileStore().get(hash));
    download(done.doc, inlinedSentence(done));
  };

  const copy = async (text: string, done: string, title: string): Promise<void> => {
    if (await copyText(text)) session.notify(done);
    else setDialog({ kind: 'copy', title, text });
  };

  const copyShareLink = (): void => {
    const doc = store.getState().doc;
    const shared = forShareLink(doc);
    const link = shareLink(shared.doc, location.href);
    // Browsers stop reading addresses at about 2 MB.
    if (link.length > MAX_LINK_LENGTH) {
      session.notify('This pipeline is too large for a link: export it as a file instead.', 'error');
      return;
    }
    const asked = filesToAskFor(shared.doc);
    const files = asked.map((f) => (f.size === null ? f.name : `${f.name} (${formatBytes(f.size)})`)).join(', ');
    const note = asked.length === 0 ? '' : ` Links carry no file data: the recipient will be asked for ${asked.length === 1 ? 'the file' : 'the files'} ${files}.`;
    void copy(link, `Share link copied. Anyone with it can open this pipeline.${note}`, 'Copy the share link');
  };

  const pickExample = (card: GalleryCard): void => {
    const read = readCard(card);
    if (!read.ok) {
      showProblems(`The example “${card.title}” can't be opened`, read.problems);
      return;
    }
    setDialog(null);
    void openDocument(read.doc, 'the examples');
  };

  const report = (title: string) => (outcome: { ok: true } | { ok: false; problems: Problem[] }): void => {
    if (!outcome.ok) showProblems(title, outcome.problems);
  };
  const nameOf = (id: string): string => pipelines.find((p) => p.id === id)?.name ?? 'the pipeline';
  const openStored = async (id: string): Promise<void> => {
    const outcome = await session.open(id);
    if (outcome.ok) return;
    const json = await session.storedJson(id);
    const kept = json === undefined ? undefined : { name: nameOf(id), json };
    setDialog({ kind: 'problems', title: `“${nameOf(id)}” can't be opened`, problems: outcome.problems, ...(kept === undefined ? {} : { kept }) });
  };
  const actions: PipelineActions = {
    open: (id) => void openStored(id),
    create: () => void session.createBlank().then(report('A new pipeline could not be started')),
    duplicate: (id) => void session.duplicate(id).then(report(`“${nameOf(id)}” can't be duplicated`)),
    rename: (id, newName) => void session.rename(id, newName).then(report(`“${nameOf(id)}” can't be renamed`)),
    remove: (id) => void session.remove(id).then(report(`“${nameOf(id)}” can't be deleted`)),
  };

  useSaveShortcut(exportDownload);
  const dragging = useFileDrop((file, at) => void importFile(file, at));

  const sharedDoc = share.shared?.ok === true ? share.shared.doc : undefined;
  const sharedProblems = share.shared?.ok === false ? share.shared.problems : undefined;

  return (
    <div className="wp-documents">
      <div className="wp-documents-bar" role="toolbar" aria-label="Pipeline">
        <NameInput className="wp-docs-document-name" name={name} label="Pipeline name" onRename={(value) => actions.rename(openId, value)} />
        <span className="wp-docs-save-status" data-status={status} title={status === 'memory' ? 'This browser window has no storage for Windowpane; export to keep your work.' : undefined}>
          {STATUS_TEXT[status]}
        </span>
        <span className="wp-docs-spacer" />
        <PipelinesMenu pipelines={pipelines} openId={openId} openName={name} actions={actions} />
        <button type="button" className="wp-docs-button" onClick={() => setDialog({ kind: 'gallery' })}>New from example</button>
        <span className="wp-docs-button-group" role="group" aria-label="Import">
          <button type="button" className="wp-docs-button" onClick={() => fileInput.current?.click()}>Import…</button>
          <button type="button" className="wp-docs-button" onClick={() => setDialog({ kind: 'paste' })}>Paste JSON…</button>
        </span>
        <span className="wp-docs-button-group" role="group" aria-label="Export">
          <button type="button" className="wp-docs-button" aria-keyshortcuts="Control+S Meta+S" title="Download as a file (Ctrl+S)" onClick={exportDownload}>Export</button>
          <button type="button" className="wp-docs-button" onClick={() => void copy(toPipelineJson(store.getState().doc), 'Pipeline JSON copied.', 'Copy the pipeline JSON')}>Copy JSON</button>
          <button type="button" id={FLINK_SQL_BUTTON_ID} className="wp-docs-button" title="The pipeline as a Flink SQL script, in a panel beside the canvas (opens it, or moves the focus to it)" onClick={showFlinkSql}>Flink SQL</button>
        </span>
        <button type="button" className="wp-docs-button" onClick={copyShareLink}>
          Share link
        </button>
        <HiddenFilePicker
          inputRef={fileInput}
          accept=".json,application/json,.csv,.tsv,.ndjson,.jsonl,.parquet,.gz,text/csv"
          label="Pipeline or data file to import"
          onFile={(file) => void importFile(file, null)}
        />
      </div>
      <NoticeBar notice={notice} onDismiss={dismissNotice} />
      {importer.view === null || dialog?.kind === 'paste' ? null : <ImportProgress view={importer.view} onCancel={importer.cancel} />}
      {dragging ? <div className="wp-docs-drop-hint" aria-hidden="true">Drop a pipeline to open it, or a data file (CSV, TSV, NDJSON, JSON, Parquet, .gz) to add a file source</div> : null}
      {dialog?.kind === 'problems' ? (
        <ProblemsDialog title={dialog.title} problems={dialog.problems} onClose={closeDialog}>
          {dialog.kept === undefined ? null : <KeptPipelineActions kept={dialog.kept} onCopy={(text) => void copy(text, 'Pipeline JSON copied.', 'Copy the pipeline JSON')} />}
        </ProblemsDialog>
      ) : null}
      {dialog?.kind === 'gallery' ? <GalleryDialog cards={exampleCards} onPick={pickExample} onClose={closeDialog} /> : null}
      {dialog?.kind === 'paste' ? (
        <PasteDialog
          onClose={() => {
            // Closing the dialog gives up its import too.
            importer.cancel();
            closeDialog();
          }}
          progress={importer.view === null ? null : <ImportProgress view={importer.view} onCancel={importer.cancel} inline />}
          onImport={async (text) => {
            const problems = await importText(text, 'pasted JSON');
            if (problems === null) setDialog(null);
            // Cancelled: the text stays in the dialog, with nothing listed against it.
            return problems === null || problems.length === 0 ? null : problems;
          }}
        />
      ) : null}
      {dialog?.kind === 'export' ? <ExportDialog files={fileReferences(store.getState().doc)} onClose={closeDialog} onDownload={(includeData) => void exportWith(includeData)} /> : null}
      {dialog?.kind === 'copy' ? <CopyDialog title={dialog.title} text={dialog.text} onClose={closeDialog} /> : null}
      {sharedDoc === undefined ? null : (
        <ShareDialog
          doc={sharedDoc}
          currentName={name}
          onClose={share.done}
          onOpen={() => {
            share.done();
            void openDocument(sharedDoc, 'a share link');
          }}
        />
      )}
      {sharedProblems === undefined ? null : <ProblemsDialog title="This share link can't be opened" problems={sharedProblems} onClose={share.done} />}
    </div>
  );
}
