import { loadPipeline, type PipelineDocument, type Problem } from '../src/model';
import { EXIT_INVALID, EXIT_USAGE } from './exitCodes';
import type { CliIo } from './io';

/** Prints problems one per line, with where they are. */
export function reportProblems(io: CliIo, file: string, problems: readonly { path: string; message: string }[]): void {
  for (const p of problems) io.stderr(`${file}: ${p.path === '' ? '' : `${p.path}: `}${p.message}\n`);
}

/** Reads and validates a pipeline file; on failure prints every problem and returns null. */
async function loadDocument(io: CliIo, file: string): Promise<PipelineDocument | null> {
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    io.stderr(`${file}: cannot read the file: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
  const loaded = loadPipeline(text);
  if (loaded.ok) return loaded.document;
  reportProblems(io, file, loaded.problems satisfies readonly Problem[]);
  io.stderr(`${file}: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}; nothing was run\n`);
  return null;
}

/**
 * Decides which file source `--input` feeds: the document's only file source.
 * Returns the fileInputs map, or a usage error sentence.
 */
function assignInput(doc: PipelineDocument, inputText: string | undefined, inputName: string | undefined): { ok: true; fileInputs: Record<string, string> } | { ok: false; message: string } {
  if (inputText === undefined) return { ok: true, fileInputs: {} };
  const fileSources = doc.nodes.filter((n) => n.kind === 'source.file');
  if (fileSources.length === 0) return { ok: false, message: `--input ${inputName}: the pipeline has no file source to feed` };
  if (fileSources.length > 1) return { ok: false, message: `--input ${inputName}: the pipeline has ${fileSources.length} file sources (${fileSources.map((n) => n.id).join(', ')}); --input feeds exactly one` };
  return { ok: true, fileInputs: { [fileSources[0]!.id]: inputText } };
}

/** Reads the --input file when given. */
async function readInput(io: CliIo, path: string | undefined): Promise<{ ok: true; text: string | undefined } | { ok: false }> {
  if (path === undefined) return { ok: true, text: undefined };
  try {
    return { ok: true, text: await io.readText(path) };
  } catch (error) {
    io.stderr(`${path}: cannot read the input file: ${error instanceof Error ? error.message : String(error)}\n`);
    return { ok: false };
  }
}

/**
 * The steps `run` and `validate` share: read and validate the document, read
 * --input and decide which file source it feeds. Returns an exit code on failure.
 */
export async function prepareDocument(io: CliIo, pipeline: string, inputPath: string | undefined): Promise<{ ok: true; doc: PipelineDocument; fileInputs: Record<string, string> } | { ok: false; exitCode: number }> {
  const doc = await loadDocument(io, pipeline);
  if (doc === null) return { ok: false, exitCode: EXIT_INVALID };
  const input = await readInput(io, inputPath);
  if (!input.ok) return { ok: false, exitCode: EXIT_INVALID };
  const assigned = assignInput(doc, input.text, inputPath);
  if (!assigned.ok) {
    io.stderr(`${assigned.message}\n`);
    return { ok: false, exitCode: EXIT_USAGE };
  }
  return { ok: true, doc, fileInputs: assigned.fileInputs };
}
