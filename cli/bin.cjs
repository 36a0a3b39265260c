#!/usr/bin/env node
// Runs the bundled CLI (see cli/build.mjs): the bundle of the command named on the command line
// (validate, run, compare: each holds only what it needs), else the whole CLI's. When the bundle is
// missing or older than a source it was built from, the bundles are built first: once, a few hundred
// milliseconds, nothing on standard output. A bundle is compiled with V8's code cache (written after
// its first run), so a start skips most of its parsing and compiling.
//
// CommonJS, not ESM: an ES module entry starts Node's module loader and builds a facade of every
// builtin it imports (node:fs's loads all of streams), a tenth of validate's start. cli/bin.mjs, the
// path that scripts and tests call, imports this file.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, as said above */
'use strict';
const { existsSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { Script } = require('node:vm');

// Paths are joined by hand: a start stats a hundred of them, and path.join's normalising shows in its time.
const root = `${require('node:path').dirname(__dirname)}/`;
const cache = `${root}dist-cli/`;
const COMMAND_BUNDLES = new Set(['validate', 'run', 'compare']);

/** The build's manifest (cli/build.mjs), or null when there is none. */
function readManifest() {
  try {
    return JSON.parse(readFileSync(`${cache}current.json`, 'utf8'));
  } catch {
    return null;
  }
}

/** Whether `manifest`'s bundle `name` exists and every source it was built from, and the build setup, is older than the build. */
function isFresh(manifest, name) {
  const inputs = manifest?.inputs?.[name];
  if (!Array.isArray(inputs) || !Array.isArray(manifest.setup) || !existsSync(`${cache}${manifest.dir}/${name}.cjs`)) return false;
  for (const list of [manifest.setup, inputs]) {
    for (const input of list) {
      const stats = statSync(root + input, { throwIfNoEntry: false });
      // A source gone since the build is a change too.
      if (stats === undefined || stats.mtimeMs > manifest.startedAt) return false;
    }
  }
  return true;
}

/** Runs bundle `name` of the current build, built first when stale; resolves to the bundle's exports, or to null when that bundle does not hold the command. */
async function runBundle(name) {
  let manifest = readManifest();
  if (!isFresh(manifest, name)) {
    const { buildCli } = await import('./build.mjs');
    manifest = await buildCli();
  }
  const file = `${cache}${manifest.dir}/${name}.cjs`;
  const codeCache = `${file}.v8cache`;
  const cachedData = existsSync(codeCache) ? readFileSync(codeCache) : undefined;
  // The bundle is one function expression, CommonJS's wrapper (cli/build.mjs).
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const module = { exports: {} };
  // This file's own require, not node:module's createRequire (loading that module loads Node's ES module
  // loader too): a bundle requires only builtins and packages, which resolve the same from cli/ as from dist-cli/.
  script.runInThisContext()(module.exports, require, module, file, `${cache}${manifest.dir}`);
  const ran = await module.exports.runAsProgram();
  if (ran && (cachedData === undefined || script.cachedDataRejected === true)) {
    // After the run, so the functions it compiled are in the cache too. Written whole, then renamed.
    try {
      const temporary = `${codeCache}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, codeCache);
    } catch {
      // A read-only install runs without the cache.
    }
  }
  return ran ? module.exports : null;
}

// The first word that is not an option names the command. A guess: the bundle parses the whole
// command line, and one that does not hold the command runs nothing, so the whole CLI runs it.
/**
 * Ends the process once standard output and error have taken what was written. validate has
 * nothing left to finish when it answers, and V8 would otherwise run a garbage collection it
 * scheduled as a task before the process may exit: a tenth or more of validate's start.
 */
function exitWhenFlushed(bundle) {
  // The validate bundle writes synchronously and says when what it wrote is out (cli/directOutput.ts).
  if (typeof bundle.whenOutputFlushed === 'function') bundle.whenOutputFlushed(() => process.exit());
  else process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}

async function start() {
  const word = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  const bundle = COMMAND_BUNDLES.has(word) ? await runBundle(word) : null;
  if (bundle !== null) {
    if (word === 'validate') exitWhenFlushed(bundle);
    return;
  }
  await runBundle('main');
}

void start();
