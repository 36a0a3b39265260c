#!/usr/bin/env node
// Fails (exit 1) when any module imports itself through others, type-only imports
// included: a cycle makes the order modules initialise in depend on which one is
// loaded first, and ties files together that should change apart (issue 13).
// Part of `npm run lint`. Run from anywhere: `node scripts/checkCycles.mjs [project root]`
// (the root defaults to this project's).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';

/** The folders of the project's own code, tests included. */
export const SOURCE_DIRS = ['src', 'cli', 'server', 'bench', 'e2e', 'scripts'];

const EXTENSIONS = '{ts,tsx,mts,js,mjs}';

/**
 * The import cycles among the files under `dirs` of `root`, each as the chain
 * of files (relative to root) that leads back to its first. Type-only imports
 * count: dpdm reads the TypeScript as written (no -T, which would erase them).
 */
export async function findCycles(root, dirs = SOURCE_DIRS) {
  const entries = dirs.map((dir) => `${dir}/**/*.${EXTENSIONS}`);
  const tree = await parseDependencyTree(entries, {
    cwd: root,
    context: root,
    transform: false,
    skipDynamicImports: false,
    exclude: /node_modules|\.d\.m?ts$/,
  });
  return parseCircular(tree).map(fromSmallest).sort((a, b) => a.join('\n').localeCompare(b.join('\n')));
}

/** A cycle closed (its first file again at the end), started at its first file in sort order so reports stay the same from run to run. */
function fromSmallest(cycle) {
  let first = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i] < cycle[first]) first = i;
  const chain = [...cycle.slice(first), ...cycle.slice(0, first)];
  return [...chain, chain[0]];
}

/** One cycle per line, as `a.ts -> b.ts -> a.ts`. */
export function describeCycles(cycles) {
  return cycles.map((chain, i) => `  ${i + 1}) ${chain.join(' -> ')}`).join('\n');
}

async function main() {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const cycles = await findCycles(root);
  if (cycles.length === 0) {
    console.log(`checkCycles: no import cycles in ${SOURCE_DIRS.join(', ')}.`);
    return;
  }
  console.error(`checkCycles: ${cycles.length} import cycle(s); move what the files share into a module both import:`);
  console.error(describeCycles(cycles));
  process.exitCode = 1;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
