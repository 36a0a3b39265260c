/**
 * Adds a case to the fuzz corpus by hand:
 *
 *   npx tsx src/fuzz/addCase.ts <area> '<input JSON>' '<what it is>' ['<why it failed>']
 *
 * <area> is one of documents, expressions, fileRows, wsMessages, streamQueries;
 * the input is what that area's case takes (see src/fuzz/cases/<area>.ts), e.g.
 *   npx tsx src/fuzz/addCase.ts expressions '{"source":"((x))","schema":[{"name":"x","type":"number"}]}' 'two parentheses'
 * It runs the case once in the sandbox, writes src/fuzz/corpus/<area>/<slug>-<hash>.json
 * with the violations it saw (or "held when added"), and prints the file name.
 */
import { FUZZ_AREAS, type FuzzArea } from './cases/types';
import { saveCase } from './harness/corpus';
import { createSandbox } from './harness/sandbox';

async function main(): Promise<void> {
  const [area, json, what, why] = process.argv.slice(2);
  if (area === undefined || !FUZZ_AREAS.includes(area as FuzzArea) || json === undefined || what === undefined) {
    console.error(`usage: npx tsx src/fuzz/addCase.ts <${FUZZ_AREAS.join('|')}> '<input JSON>' '<what it is>' ['<why>']`);
    process.exitCode = 2;
    return;
  }
  const input = JSON.parse(json) as unknown;
  const sandbox = await createSandbox();
  const result = await sandbox.run(area as FuzzArea, input);
  await sandbox.close();
  const seen = result.violations.length === 0 ? `held when added (${result.outcome}, ${Math.round(result.ms)} ms)` : result.violations.join('\n');
  const name = saveCase({ area: area as FuzzArea, what, why: why === undefined ? seen : `${why}\n${seen}`, found: 'by hand', input }, what.slice(0, 40));
  console.log(`src/fuzz/corpus/${name}: ${seen}`);
}

void main();
