import './jitless';
import type { CliIo } from './io';
import { mainWith, programWith, type CommandRunners } from './program';

/**
 * Every command, each loaded only when it runs. The whole CLI's bundle is
 * built from this file; cli/entries/ hold one smaller bundle per command,
 * which cli/bin.mjs loads by the command's name so `validate` starts fast.
 */
const allCommands: CommandRunners = {
  compare: async (io, cmd) => (await import('./compareCommand')).compareCommand(io, cmd),
  export: async (io, cmd) => (await import('./exportCommand')).exportCommand(io, cmd),
  nab: async (io, cmd) => (await import('./nab/nabCommand')).nabCommand(io, cmd),
  run: async (io, cmd) => (await import('./runCommand')).runCommand(io, cmd),
  validate: async (io, cmd) => (await import('./validateCommand')).validateCommand(io, cmd),
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const code = await mainWith(argv, io, allCommands);
  // allCommands holds every command, so mainWith never answers null here.
  if (code === null) throw new Error('a command is missing from the CLI');
  return code;
}

/** Entry point when run as a program. */
export const runAsProgram = programWith(allCommands);
