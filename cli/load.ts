import { loadPipeline, type PipelineDocument, type Problem } from '../src/model';
import { EXIT_INVALID, EXIT_USAGE } from './exitCodes';
import type { CliIo } from './io';
import { assignInputs, storedWithoutInput, type AssignedInput } from './inputs/assign';
import type { InputArg } from './inputs/inputArgs';
import type { Opened } from './inputs/openInputs';

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
 * The steps every command shares: read and validate the document, bind the
 * --input options to its file sources and open them: streamed (bytes and a
 * sniffed layout) for run and validate, whole text for compare. Returns an
 * exit code on failure.
 */
export async function prepareDocument<T>(
  io: CliIo, pipeline: string, inputs: readonly InputArg[],
  open: (io: CliIo, inputs: readonly AssignedInput[]) => Promise<Opened<T>>,
  options: { readonly needsData: boolean },
): Promise<{ ok: true; doc: PipelineDocument; fileInputs: Record<string, T> } | { ok: false; exitCode: number }> {
  const doc = await loadDocument(io, pipeline);
  if (doc === null) return { ok: false, exitCode: EXIT_INVALID };
  const assigned = assignInputs(doc, inputs);
  if (!assigned.ok) {
    io.stderr(`${assigned.message}\n`);
    return { ok: false, exitCode: EXIT_USAGE };
  }
  if (options.needsData) {
    const stored = storedWithoutInput(doc, assigned.inputs);
    for (const message of stored) io.stderr(`${message}\n`);
    if (stored.length > 0) return { ok: false, exitCode: EXIT_USAGE };
  }
  const opened = await open(io, assigned.inputs);
  if (!opened.ok) {
    io.stderr(`${opened.message}\n`);
    return { ok: false, exitCode: EXIT_INVALID };
  }
  return { ok: true, doc, fileInputs: opened.files };
}
