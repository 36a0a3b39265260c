import '../jitless';
import { programWith } from '../program';
import { runCommand } from '../runCommand';

/** The bundle cli/bin.mjs loads for `windowpane run`: only what run needs (cli/build.mjs). */
export const runAsProgram = programWith({ run: runCommand });
