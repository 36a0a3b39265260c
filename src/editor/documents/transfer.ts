import { toPipelineJson } from '../store/documentFormat';
import type { EditorDocument } from '../store/types';
import { readImportText, type ImportResult } from './import/readImport';

/** What a file name may not contain on common systems, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE_IN_FILE_NAMES = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/** `Card spend`: the pipeline's name made safe for the start of a file name. */
export function fileStem(name: string): string {
  const safe = name.replace(UNSAFE_IN_FILE_NAMES, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120).trim();
  return safe === '' ? 'pipeline' : safe;
}

/** `Card spend.windowpane.json`: the pipeline's name made safe for a file name. */
export function exportFileName(name: string): string {
  return `${fileStem(name)}.windowpane.json`;
}

/**
 * Reads an imported file or pasted text. Unlike a saved document, an import
 * must be valid: every problem is reported and nothing is opened, so the
 * canvas stays as it was. The page does this in the import worker
 * (./import/importClient.ts); this is the same reading, in place.
 */
export function readImport(text: string): ImportResult {
  return readImportText(text, 'the file');
}

/** True for files the drop target takes without asking: JSON by name or by type. */
export function looksLikeJsonFile(file: { readonly name: string; readonly type: string }): boolean {
  return /\.json$/i.test(file.name) || file.type === 'application/json';
}

/** Starts a download of the document as pipeline JSON. */
export function downloadDocument(doc: EditorDocument): void {
  downloadText(toPipelineJson(doc), exportFileName(doc.name));
}

/** Starts a download of text (JSON unless `type` says otherwise) as `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; revoking sooner can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text to the clipboard; false when the browser refuses (no permission, not a secure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
