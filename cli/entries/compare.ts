import '../jitless';
import { programWith } from '../program';
import { compareCommand } from '../compareCommand';

/** The bundle cli/bin.mjs loads for `windowpane compare`: only what compare needs (cli/build.mjs). */
export const runAsProgram = programWith({ compare: compareCommand });
