import { parseCliArgs, USAGE } from './args';
import { processIo, type CliIo } from './io';
import { EXIT_ERROR, EXIT_OK, EXIT_USAGE } from './exitCodes';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr(`windowpane: ${parsed.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const cmd = parsed.value;
  if (cmd.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  try {
    // Each command loads only what it needs: `validate` starts fast (the bundle splits at these imports).
    if (cmd.command === 'compare') return await (await import('./compareCommand')).compareCommand(io, cmd);
    if (cmd.command === 'run') return await (await import('./runCommand')).runCommand(io, cmd);
    if (cmd.command === 'export') return await (await import('./exportCommand')).exportCommand(io, cmd);
    return await (await import('./validateCommand')).validateCommand(io, cmd);
  } catch (error) {
    // Writing the output failed, or something we did not foresee: say so, never exit 0.
    io.stderr(`windowpane: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_ERROR;
  }
}

/** Entry point when run as a program. */
export async function runAsProgram(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo());
}
