/** The bundled CLI (cli/bin.mjs, cli/build.mjs): rebuilt when a source it was built from is newer, silently. */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'cli', 'bin.mjs');
const manifestPath = join(root, 'dist-cli', 'current.json');
const example = join(root, 'examples', 'card-spend.json');

interface Manifest {
  readonly dir: string;
  readonly startedAt: number;
  readonly inputs: readonly string[];
}

const manifest = (): Manifest => JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const validate = (): string => execFileSync(process.execPath, [bin, 'validate', example], { cwd: root, encoding: 'utf8' });

describe('the bundled CLI', () => {
  it('is built from the CLI, engine and model sources, and rebuilt when one of them is newer than the build', () => {
    expect(validate()).toBe(`${example}: valid (6 nodes, 5 edges)\n`);
    const before = manifest();
    expect(before.inputs).toContain('cli/main.ts');
    expect(before.inputs).toContain('src/engine/plan/compile.ts');
    expect(before.inputs.some((p) => p.startsWith('src/model/'))).toBe(true);
    // Nothing external is bundled but the CommonJS packages (see cli/build.mjs).
    expect(before.inputs.filter((p) => p.includes('node_modules/')).every((p) => /node_modules\/(papaparse|@datadog\/sketches-js)\//.test(p))).toBe(true);

    // A fresh build is used as it is.
    expect(validate()).toBe(`${example}: valid (6 nodes, 5 edges)\n`);
    expect(manifest().dir).toBe(before.dir);

    // A source edited after the build (its content stays: only its time moves on).
    const source = join(root, 'src', 'engine', 'plan', 'compile.ts');
    const edited = new Date(Math.max(Date.now(), before.startedAt + 1));
    utimesSync(source, statSync(source).atime, edited);
    // The rebuild says nothing on standard output.
    expect(validate()).toBe(`${example}: valid (6 nodes, 5 edges)\n`);
    const after = manifest();
    expect(after.dir).not.toBe(before.dir);
    expect(after.startedAt).toBeGreaterThanOrEqual(before.startedAt);
  });
});
