#!/usr/bin/env node
// Runs the bundled CLI (see cli/build.mjs). When the bundle is missing or older than any source it
// was built from, it is built first: once, a few hundred milliseconds, nothing on standard output.
// The bundle is compiled with V8's code cache (written after the first run of a build), so a start
// skips most of the parsing and compiling of its 1.5 MB.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'dist-cli');

/** The current build's manifest when every source it was built from is older than the build; else null. */
function freshBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, 'current.json'), 'utf8'));
    if (!existsSync(join(cache, manifest.dir, 'main.cjs'))) return null;
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
const file = join(cache, build.dir, 'main.cjs');
const codeCache = `${file}.v8cache`;
const cachedData = existsSync(codeCache) ? readFileSync(codeCache) : undefined;
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
await module.exports.runAsProgram();
if (cachedData === undefined || script.cachedDataRejected === true) {
  // After the run, so the functions it compiled are in the cache too. Written whole, then renamed.
  try {
    const temporary = `${codeCache}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, codeCache);
  } catch {
    // A read-only install runs without the cache.
  }
}
