/** The bundled CLI (cli/bin.cjs, cli/build.mjs): one bundle per command, rebuilt when a source it was built from is newer, silently. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'cli', 'bin.cjs');
const manifestPath = join(root, 'dist-cli', 'current.json');
const example = join(root, 'examples', 'card-spend.json');
const VALID = `${example}: valid (6 nodes, 5 edges)\n`;

interface Manifest {
  readonly dir: string;
  readonly startedAt: number;
  readonly setup: readonly string[];
  readonly inputs: Readonly<Record<string, readonly string[]>>;
}

const manifest = (): Manifest => JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const cli = (args: readonly string[], cwd = root): string => execFileSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
const validate = (): string => cli(['validate', example]);
const bundleSize = (m: Manifest, name: string): number => statSync(join(root, 'dist-cli', m.dir, `${name}.cjs`)).size;

/** Marks `path` as edited after the build `m` (its content stays: only its time moves on). */
function touchAfter(path: string, m: Manifest): void {
  utimesSync(path, statSync(path).atime, new Date(Math.max(Date.now(), m.startedAt + 1)));
}

const scratch = mkdtempSync(join(tmpdir(), 'windowpane-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the bundled CLI', () => {
  it('builds a small bundle for validate, from its own sources, with packages stood for by the lockfiles', () => {
    expect(validate()).toBe(VALID);
    const m = manifest();
    expect(Object.keys(m.inputs).sort()).toEqual(['compare', 'main', 'run', 'validate']);
    const own = m.inputs['validate'] ?? [];
    expect(own).toContain('cli/validateCommand.ts');
    expect(own).toContain('src/engine/plan/compile.ts');
    expect(own.some((p) => p.startsWith('src/model/'))).toBe(true);
    // validate holds neither the runtime nor the result writers.
    expect(own).not.toContain('cli/runCommand.ts');
    expect(own.some((p) => p.startsWith('cli/out/'))).toBe(false);
    expect(m.inputs['run']).toContain('cli/runCommand.ts');
    expect(m.inputs['main']).toEqual(expect.arrayContaining(['cli/runCommand.ts', 'cli/validateCommand.ts', 'cli/compareCommand.ts']));
    // A package's files keep their tarball's times, so they are not statted at each start: an install
    // changes the lockfiles, which are checked, as is the build setup.
    for (const list of Object.values(m.inputs)) expect(list.some((p) => p.split('/').includes('node_modules'))).toBe(false);
    expect(m.setup).toEqual(expect.arrayContaining(['cli/build.mjs', 'package-lock.json']));
    // zod's locales and JSON Schema code are left out (it is imported as a namespace): validate's bundle stays small.
    expect(bundleSize(m, 'validate')).toBeLessThan(600_000);
    expect(bundleSize(m, 'validate')).toBeLessThan(bundleSize(m, 'main') * 0.7);
  });

  it('uses a fresh build as it is, and rebuilds when a source of the command is newer than the build', () => {
    expect(validate()).toBe(VALID);
    const before = manifest();
    expect(validate()).toBe(VALID);
    expect(manifest().dir).toBe(before.dir);

    // A source of validate's bundle edited after the build: rebuilt, and the rebuild says nothing on standard output.
    touchAfter(join(root, 'src', 'engine', 'plan', 'compile.ts'), before);
    expect(validate()).toBe(VALID);
    const after = manifest();
    expect(after.dir).not.toBe(before.dir);
    expect(after.startedAt).toBeGreaterThanOrEqual(before.startedAt);

    // A source only run holds leaves validate's bundle fresh, and run rebuilds.
    touchAfter(join(root, 'cli', 'runCommand.ts'), after);
    expect(validate()).toBe(VALID);
    expect(manifest().dir).toBe(after.dir);
    expect(cli(['run', example, '--limit', '20'])).toMatch(/^\{"window_start":/);
    expect(manifest().dir).not.toBe(after.dir);

    // A new build setup makes every bundle stale.
    const setupBuild = manifest();
    touchAfter(join(root, 'cli', 'build.mjs'), setupBuild);
    expect(validate()).toBe(VALID);
    expect(manifest().dir).not.toBe(setupBuild.dir);
  });

  it('runs every command from its bundle, and a command line its guess got wrong from the whole CLI', () => {
    expect(cli(['run', example, '--limit', '20'])).toMatch(/^\{"window_start":\d+,"window_end":\d+,"card":"card-/);
    const compared = JSON.parse(cli(['compare', example, '--set', 'minute.allowedLateness=30s', '--limit', '200', '--json'])) as Record<string, unknown>;
    expect(compared['change']).toEqual({ nodeId: 'minute', param: 'allowedLateness', value: '30s' });
    expect(compared['eventsA']).toBe(200);
    expect(cli(['--help'])).toMatch(/^Usage:\n {2}windowpane run PIPELINE\.json/);
    // The first word is the value of --out, not the command: the validate bundle is tried, holds no
    // run, and hands the command line to the whole CLI, which runs it.
    expect(cli(['--out', 'validate', 'run', example, '--limit', '20'], scratch)).toBe('');
    expect(readFileSync(join(scratch, 'validate'), 'utf8')).toMatch(/^\{"window_start":/);
  });

  it('keeps the file-format packages out of the bundles, in sidecars loaded only when a file needs them', async () => {
    expect(validate()).toBe(VALID);
    const m = manifest();
    const validateText = readFileSync(join(root, 'dist-cli', m.dir, 'validate.cjs'), 'utf8');
    // Stood for by a loader, not bundled: hyparquet's reader and papaparse's parser are not in validate's text.
    expect(validateText).toContain('/sidecar-hyparquet.cjs');
    expect(validateText).not.toMatch(/function parquetMetadataAsync|PapaParse|ParquetWriter\b\s*\(/);
    // 413 KB once the nine kinds of issue 18 (detectors, features, alerts) compiled in validate's checks; the packages are 300 KB more.
    expect(bundleSize(m, 'validate')).toBeLessThan(450_000);
    // The bundled run reads a CSV and writes Parquet through the sidecars: the Parquet file holds every result.
    const taxi = join(root, 'examples', 'nyc-taxi-daily.json');
    const out = join(scratch, 'taxi.parquet');
    cli(['run', taxi, '--input', resolve(root, '../shared/data/nab/nyc_taxi.csv'), '--out', out]);
    const { parquetReadObjects } = await import('hyparquet');
    const bytes = readFileSync(out);
    const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    expect(rows).toHaveLength(215);
    // The same results as NDJSON output of the same run, row for row.
    const ndjson = join(scratch, 'taxi.ndjson');
    cli(['run', taxi, '--input', resolve(root, '../shared/data/nab/nyc_taxi.csv'), '--out', ndjson]);
    const expected = readFileSync(ndjson, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const pick = (row: Record<string, unknown>): string => `${Number(row['window_start'])} ${Number(row['buckets'])} ${Number(row['total'])}`;
    expect(rows.map((row) => pick(row as Record<string, unknown>))).toEqual(expected.map(pick));
  });

  it('ends validate once its answer is written: every problem on standard error, exit code 1', () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'bad', nodes: [{ id: 'w', kind: 'window.tumbling', position: { x: 0, y: 0 } }], edges: [] }));
    const ran = spawnSync(process.execPath, [bin, 'validate', bad], { encoding: 'utf8' });
    expect(ran.status).toBe(1);
    expect(ran.stdout).toBe('');
    const lines = ran.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`${bad}: ${lines.length - 1} problems; nothing was run`);
    expect(lines).toContain(`${bad}: nodes[0].params: node 'w': params is required`);
  });
});
