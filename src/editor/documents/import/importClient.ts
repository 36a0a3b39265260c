/**
 * The page's side of the import worker: one import at a time, cancelled by
 * ending the worker (a new one starts with the next import). A file over the
 * size limit is refused here, before a worker is even asked.
 */
import * as Comlink from 'comlink';
import type { DocumentImportApi } from './documentImport.worker';
import { sizeProblem } from './importLimits';
import type { ImportProgress, ImportResult } from './readImport';

export type ImportOutcome = ImportResult | { readonly ok: false; readonly cancelled: true };

/** A started import worker: its API, and how to end it. */
export interface ImportWorker {
  readonly api: Comlink.Remote<DocumentImportApi>;
  terminate(): void;
}

/** Starts the real worker; `onCrash` hears why it died (out of memory, most likely). */
function startImportWorker(onCrash: (message: string) => void): ImportWorker {
  const worker = new Worker(new URL('./documentImport.worker.ts', import.meta.url), { type: 'module', name: 'windowpane-import' });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onCrash(event.message === '' ? 'the import worker stopped' : event.message);
  });
  worker.addEventListener('messageerror', () => onCrash('the import worker\'s answer could not be read'));
  const api = Comlink.wrap<DocumentImportApi>(worker);
  return {
    api,
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

export interface Importer {
  /** Reads a file or pasted text; a read still under way is cancelled first. */
  read(source: Blob | string, onProgress: (progress: ImportProgress) => void): Promise<ImportOutcome>;
  /** Cancels the read under way, if any: it resolves as cancelled. */
  cancel(): void;
  dispose(): void;
}

/** Creates an importer; the worker starts with the first read that needs one. */
export function createImporter(start: (onCrash: (message: string) => void) => ImportWorker = startImportWorker): Importer {
  let worker: ImportWorker | null = null;
  /** Resolves the read under way, if any. */
  let current: ((outcome: ImportOutcome) => void) | null = null;

  const settle = (outcome: ImportOutcome): void => {
    const resolve = current;
    current = null;
    resolve?.(outcome);
  };
  const end = (): void => {
    worker?.terminate();
    worker = null;
  };
  /** The worker died or failed: the read under way gets a problem that says so. */
  const fail = (message: string): void => {
    end();
    settle({ ok: false, problems: [{ path: '', message: `the import stopped: ${message}` }] });
  };
  const cancel = (): void => {
    if (current === null) return;
    // The worker may be deep in JSON.parse: ending it is the only way to stop that.
    end();
    settle({ ok: false, cancelled: true });
  };

  return {
    read(source, onProgress) {
      cancel();
      const tooBig = typeof source === 'string' ? null : sizeProblem(source.size, 'the file');
      if (tooBig !== null) return Promise.resolve({ ok: false, problems: [tooBig] });
      return new Promise<ImportOutcome>((resolve) => {
        current = resolve;
        const mine = (): boolean => current === resolve;
        const used = worker ?? (worker = start(fail));
        // Progress comes on a port of its own and may arrive after the answer: once settled, it is dropped.
        const report = Comlink.proxy((progress: ImportProgress) => {
          if (mine()) onProgress(progress);
        });
        const answer = typeof source === 'string' ? used.api.readText(source, report) : used.api.readFile(source, report);
        answer.then(
          (outcome) => {
            if (mine()) settle(outcome);
          },
          (error: unknown) => {
            if (mine()) fail(error instanceof Error ? error.message : String(error));
          },
        );
      });
    },
    cancel,
    dispose() {
      cancel();
      end();
    },
  };
}
