import { compilePipeline } from '../src/engine/plan/compile';
import type { CliCommand } from './args';
import type { CliIo } from './io';
import { assignInput, loadDocument, readInput, reportProblems } from './load';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './runCommand';

/** `windowpane validate`: every problem of the document, including fields and expressions. */
export async function validateCommand(io: CliIo, cmd: Extract<CliCommand, { command: 'validate' }>): Promise<number> {
  const doc = await loadDocument(io, cmd.pipeline);
  if (doc === null) return EXIT_INVALID;
  const input = await readInput(io, cmd.input);
  if (!input.ok) return EXIT_INVALID;
  const assigned = assignInput(doc, input.text, cmd.input);
  if (!assigned.ok) {
    io.stderr(`${assigned.message}\n`);
    return EXIT_USAGE;
  }
  // Without --input a file source's fields are unknown, so nodes after it are checked only for their shape.
  const compiled = compilePipeline(doc, { fileInputs: assigned.fileInputs, allowMissingFileData: true });
  if (!compiled.ok) {
    reportProblems(io, cmd.pipeline, compiled.problems);
    io.stderr(`${cmd.pipeline}: ${compiled.problems.length} problem${compiled.problems.length === 1 ? '' : 's'}\n`);
    return EXIT_INVALID;
  }
  io.stdout(`${cmd.pipeline}: valid (${doc.nodes.length} nodes, ${doc.edges.length} edges)\n`);
  return EXIT_OK;
}
