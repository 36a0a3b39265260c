import { parseCliArgs, USAGE, type CliCommand } from './args';
import { processIo, type CliIo } from './io';
import { EXIT_ERROR, EXIT_OK, EXIT_USAGE } from './exitCodes';

type Command = Exclude<CliCommand, { command: 'help' }>;
export type CommandName = Command['command'];

/** How a bundle runs the commands it holds; a bundle without a command leaves it out. */
export type CommandRunners = {
  readonly [K in CommandName]?: (io: CliIo, cmd: Extract<Command, { command: K }>) => Promise<number>;
};

/** The runner for `cmd`, or undefined when `runners` does not hold it. */
function runnerFor(runners: CommandRunners, cmd: Command): ((io: CliIo) => Promise<number>) | undefined {
  // One case per command: each narrows `cmd` to what its runner takes.
  switch (cmd.command) {
    case 'run': { const run = runners.run; return run && ((io) => run(io, cmd)); }
    case 'validate': { const run = runners.validate; return run && ((io) => run(io, cmd)); }
    case 'compare': { const run = runners.compare; return run && ((io) => run(io, cmd)); }
    case 'export': { const run = runners.export; return run && ((io) => run(io, cmd)); }
    case 'nab': { const run = runners.nab; return run && ((io) => run(io, cmd)); }
  }
}

/** Runs the CLI with `argv` (without node and script) through `runners`; returns the exit code, or null when `runners` lacks the command (nothing was written). */
export async function mainWith(argv: readonly string[], io: CliIo, runners: CommandRunners): Promise<number | null> {
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
  const run = runnerFor(runners, cmd);
  if (run === undefined) return null;
  try {
    return await run(io);
  } catch (error) {
    // Writing the output failed, or something we did not foresee: say so, never exit 0.
    io.stderr(`windowpane: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_ERROR;
  }
}

/**
 * The entry point of a bundle (cli/build.mjs, cli/bin.mjs): runs the process's
 * command line and resolves to true, or to false, having done nothing, when
 * the bundle does not hold the command (bin.mjs then loads the whole CLI).
 */
export function programWith(runners: CommandRunners, { directOutput = false }: { readonly directOutput?: boolean } = {}): () => Promise<boolean> {
  return async () => {
    const argv = process.argv.slice(2);
    const parsed = parseCliArgs(argv);
    if (parsed.ok && parsed.value.command !== 'help' && runnerFor(runners, parsed.value) === undefined) return false;
    const code = await mainWith(argv, processIo({ directOutput }), runners);
    if (code === null) return false;
    process.exitCode = code;
    return true;
  };
}
