/**
 * What `windowpane validate` loads of Node's own modules: neither node:fs/promises (which loads
 * readline and more), nor the stream behind process.stdout, nor node:module (and with it the ES module
 * loader): each a part of its start (README, "Start time").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'windowpane-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the bin with a preload that writes, at exit, the builtins loaded after Node's own start. */
function validateWithModules(pipeline: string): { stdout: string; stderr: string; status: number | null; loaded: readonly string[] } {
  const list = join(scratch, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const preload = join(scratch, 'preload.cjs');
  writeFileSync(preload, `const fs = require('node:fs'); const before = new Set(process.moduleLoadList);
process.on('exit', () => fs.writeFileSync(process.env.LOADED_LIST, process.moduleLoadList.filter((m) => !before.has(m)).join('\\n')));\n`);
  // Standard output and error are pipes, as under a shell's `|` or a test runner.
  const result = spawnSync(process.execPath, ['-r', preload, join(root, 'cli', 'bin.cjs'), 'validate', pipeline], { cwd: root, encoding: 'utf8', env: { ...process.env, LOADED_LIST: list } });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status, loaded: readFileSync(list, 'utf8').split('\n') };
}

// node:module (cli/bin.cjs once took createRequire from it) loads Node's ES module loader too.
const HEAVY = ['NativeModule internal/fs/promises', 'NativeModule internal/readline/interface', 'NativeModule stream', 'NativeModule net', 'NativeModule module', 'NativeModule internal/modules/esm/loader'];

describe('validate start', () => {
  it('answers for a valid document without loading fs/promises, readline, streams or the ES module loader', () => {
    const example = join(root, 'examples', 'sensor-averages.json');
    const run = validateWithModules(example);
    expect(run.stdout).toBe(`${example}: valid (5 nodes, 4 edges)\n`);
    expect(run.status).toBe(0);
    for (const name of HEAVY) expect(run.loaded).not.toContain(name);
  });

  it('reports an invalid document on standard error, whole, with the same lean start', () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, '{}');
    const run = validateWithModules(bad);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${bad}: format: format is required and must be 'windowpane.pipeline'\n`);
    expect(run.stderr.endsWith(`${bad}: 5 problems; nothing was run\n`)).toBe(true);
    expect(run.status).toBe(1);
    for (const name of HEAVY) expect(run.loaded).not.toContain(name);
  });
});
