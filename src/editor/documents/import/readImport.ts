/**
 * Reading an import, the same way on either side of the worker boundary:
 * the size is checked before anything is read, the text is parsed once, the
 * node and edge counts are checked before validation, and each stage is
 * reported so the page can show how far it got.
 */
import { parsePipelineJson, type Problem } from '../../../model';
import { fromPipelineValue } from '../../store/documentFormat';
import type { EditorDocument } from '../../store/types';
import { countProblems, sizeProblem } from './importLimits';

export type ImportProgress =
  | { readonly stage: 'reading'; readonly loaded: number; readonly total: number }
  | { readonly stage: 'parsing' }
  | { readonly stage: 'checking' };

export type ImportResult = { ok: true; doc: EditorDocument } | { ok: false; problems: Problem[] };

export type ProgressReport = (progress: ImportProgress) => void;

const ignore: ProgressReport = () => undefined;

/**
 * Reads pipeline JSON text; `what` names it in a refusal ("the file", "the
 * pasted text"). Text length stands for its size: JSON is mostly ASCII.
 */
export function readImportText(text: string, what: string, report: ProgressReport = ignore): ImportResult {
  if (text.trim() === '') return { ok: false, problems: [{ path: '', message: `${what} is empty` }] };
  const tooBig = sizeProblem(text.length, what);
  if (tooBig !== null) return { ok: false, problems: [tooBig] };
  report({ stage: 'parsing' });
  const parsed = parsePipelineJson(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const tooMany = countProblems(parsed.value);
  if (tooMany.length > 0) return { ok: false, problems: tooMany };
  report({ stage: 'checking' });
  return fromPipelineValue(parsed.value);
}

/** Reading progress is reported at most this many times over a file. */
const READ_REPORTS = 100;

/** Reads a pipeline file, refusing one over the size limit before reading a byte of it. */
export async function readImportFile(file: Blob, report: ProgressReport = ignore): Promise<ImportResult> {
  const tooBig = sizeProblem(file.size, 'the file');
  if (tooBig !== null) return { ok: false, problems: [tooBig] };
  const total = file.size;
  const parts: string[] = [];
  try {
    const reader = file.stream().getReader();
    const decoder = new TextDecoder();
    let loaded = 0;
    let reported = -1;
    report({ stage: 'reading', loaded, total });
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      loaded += chunk.value.byteLength;
      parts.push(decoder.decode(chunk.value, { stream: true }));
      const step = Math.floor((loaded / Math.max(total, 1)) * READ_REPORTS);
      if (step !== reported) {
        reported = step;
        report({ stage: 'reading', loaded, total });
      }
    }
    parts.push(decoder.decode());
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return readImportText(parts.join(''), 'the file', report);
}
