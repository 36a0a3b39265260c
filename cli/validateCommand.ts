import { compilePipeline } from '../src/engine/plan/compile';
import type { CliCommand } from './args';
import type { CliIo } from './io';
import { prepareDocument, reportProblems } from './load';
import { openStreamedInputs } from './inputs/openInputs';
import { EXIT_INVALID, EXIT_OK } from './exitCodes';

/** `windowpane validate`: every problem of the document, including fields and expressions. */
export async function validateCommand(io: CliIo, cmd: Extract<CliCommand, { command: 'validate' }>): Promise<number> {
  const prepared = await prepareDocument(io, cmd.pipeline, cmd.inputs, openStreamedInputs, { needsData: false });
  if (!prepared.ok) return prepared.exitCode;
  const { doc, fileInputs } = prepared;
  // Without --input a file source's fields are unknown, so nodes after it are checked only for their shape.
  const compiled = compilePipeline(doc, { fileInputs, allowMissingFileData: true });
  if (!compiled.ok) {
    reportProblems(io, cmd.pipeline, compiled.problems);
    io.stderr(`${cmd.pipeline}: ${compiled.problems.length} problem${compiled.problems.length === 1 ? '' : 's'}\n`);
    return EXIT_INVALID;
  }
  io.stdout(`${cmd.pipeline}: valid (${doc.nodes.length} nodes, ${doc.edges.length} edges)\n`);
  return EXIT_OK;
}
