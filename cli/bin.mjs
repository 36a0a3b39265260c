#!/usr/bin/env node
// Runs the bundled CLI (see cli/build.mjs). When the bundle is missing or older than any source it
// was built from, it is built first: once, a few hundred milliseconds, nothing on standard output.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'dist-cli');

/** The current build's manifest when every source it was built from is older than the build; else null. */
function freshBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, 'current.json'), 'utf8'));
    if (!existsSync(join(cache, manifest.dir, 'main.mjs'))) return null;
    for (const input of manifest.inputs) if (statSync(join(root, input)).mtimeMs > manifest.startedAt) return null;
  } catch {
    return null; // no build yet, or a source it was built from is gone
  }
  return manifest;
}

let build = freshBuild();
if (build === null) {
  const { buildCli } = await import('./build.mjs');
  build = await buildCli();
}
const { runAsProgram } = await import(pathToFileURL(join(cache, build.dir, 'main.mjs')).href);
await runAsProgram();
