import '../jitless';
import { programWith } from '../program';
import { validateCommand } from '../validateCommand';

export { whenOutputFlushed } from '../directOutput';

/**
 * The bundle cli/bin.mjs loads for `windowpane validate`: only what validate needs (cli/build.mjs).
 * Its few lines are written synchronously (cli/directOutput.ts); cli/bin.cjs ends the process once
 * `whenOutputFlushed` calls back.
 */
export const runAsProgram = programWith({ validate: validateCommand }, { directOutput: true });
