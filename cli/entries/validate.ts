import '../jitless';
import { programWith } from '../program';
import { validateCommand } from '../validateCommand';

/** The bundle cli/bin.mjs loads for `windowpane validate`: only what validate needs (cli/build.mjs). */
export const runAsProgram = programWith({ validate: validateCommand });
