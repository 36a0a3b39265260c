/**
 * The import worker: reads, parses and validates a pipeline file or pasted
 * text off the main thread, so a large document cannot freeze the page. The
 * page ends it to cancel (JSON.parse cannot be interrupted otherwise).
 */
import * as Comlink from 'comlink';
import { readImportFile, readImportText, type ProgressReport } from './readImport';

export interface DocumentImportApi {
  readFile(file: Blob, report: ProgressReport): Promise<ReturnType<typeof readImportText>>;
  readText(text: string, report: ProgressReport): ReturnType<typeof readImportText>;
}

const api: DocumentImportApi = {
  readFile: (file, report) => readImportFile(file, report),
  readText: (text, report) => readImportText(text, 'the pasted text', report),
};

Comlink.expose(api);
