import { compareWhatIf } from '../src/engine/compare/compareRuns';
import { paramValue } from '../src/engine/compare/whatIfParams';
import type { CliCommand } from './args';
import { comparisonText } from './compareReport';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './exitCodes';
import type { CliIo } from './io';
import { prepareDocument } from './load';
import { readTextInputs } from './inputs/openInputs';

/**
 * `windowpane compare`: the what-if of the app's "Compare with...", from the
 * command line: the same input through the document and through the document
 * with one parameter changed.
 */
export async function compareCommand(io: CliIo, cmd: Extract<CliCommand, { command: 'compare' }>): Promise<number> {
  const prepared = await prepareDocument(io, cmd.pipeline, cmd.inputs, readTextInputs, { needsData: true });
  if (!prepared.ok) return prepared.exitCode;
  const { doc, fileInputs } = prepared;
  const { nodeId, param } = cmd.set;
  // A count window's size is a number in the document; every other comparable parameter is a duration text.
  const value = typeof paramValue(doc, nodeId, param) === 'number' ? Number(cmd.set.value) : cmd.set.value;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    io.stderr(`windowpane: --set ${nodeId}.${param} needs a number, got '${cmd.set.value}'\n`);
    return EXIT_USAGE;
  }
  const compared = compareWhatIf(doc, { nodeId, param, value }, {
    fileInputs, ...(cmd.limit === undefined ? {} : { limit: cmd.limit }),
    ...(cmd.json ? { maxListed: Number.POSITIVE_INFINITY } : {}),
  });
  if (!compared.ok) {
    io.stderr(`windowpane: ${compared.message}${/unbounded/.test(compared.message) ? ' (pass --limit N)' : ''}\n`);
    return /cannot run|not valid/.test(compared.message) ? EXIT_INVALID : EXIT_USAGE;
  }
  const text = cmd.json ? `${JSON.stringify(compared.comparison, null, 2)}\n` : comparisonText(compared.comparison, cmd.pipeline);
  if (cmd.out === undefined) io.stdout(text);
  else await io.writeText(cmd.out, text);
  return EXIT_OK;
}
