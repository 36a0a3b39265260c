// Builds the CLI into bundles with esbuild (one per command), so a start does not compile TypeScript. `node cli/build.mjs` builds it; cli/bin.mjs builds it first when it is stale.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(ROOT, 'dist-cli');
/** Which build is current, and the sources it was built from (see cli/bin.mjs). */
export const MANIFEST = join(CACHE, 'current.json');

/**
 * Packages are bundled (tree-shaken, and each one's files are not resolved
 * and compiled one by one at every start; Node imports a CommonJS package
 * from ESM only after scanning its source for export names): that halves
 * `validate`'s start. These stay external: `ws` has optional native parts,
 * the others are never imported by the CLI (a stray import stays cheap).
 */
const EXTERNAL_PACKAGES = ['ws', 'protobufjs', '@duckdb/', 'esbuild', 'vite', 'playwright', '@playwright/'];

/** Bare imports of EXTERNAL_PACKAGES are left to Node; what a bundled package require()s is loaded by Node at run time. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const external = EXTERNAL_PACKAGES.some((name) => (name.endsWith('/') ? args.path.startsWith(name) : args.path === name || args.path.startsWith(`${name}/`)));
      return external ? { path: args.path, external: true } : undefined;
    });
  },
};

/**
 * Packages that only a file format reaches (--input, Parquet output): built into files of their own
 * beside the bundles (sidecar-NAME.cjs), so a command that reads no such file neither reads nor
 * deserializes them: a quarter of validate's bundle. In a bundle, such an import is an object whose
 * prototype loads the sidecar at the first property read. esbuild reads an import's names at each use
 * (`import_x.name`), so nothing loads at start; its __toESM copies a module's own keys and keeps its
 * prototype, which is why the loader sits on the prototype.
 */
const SIDECAR_PACKAGES = ['hyparquet', 'hyparquet-writer', 'papaparse'];
const SIDECAR_FILTER = new RegExp(`^(${SIDECAR_PACKAGES.join('|')})$`);
const sidecars = {
  name: 'sidecars',
  setup(build) {
    build.onResolve({ filter: SIDECAR_FILTER }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, namespace: 'sidecar' }));
    build.onLoad({ filter: /.*/, namespace: 'sidecar' }, (args) => ({
      loader: 'js',
      contents: `let loaded;
const load = () => (loaded ??= require(__dirname + '/sidecar-${args.path}.cjs'));
const lazy = new Proxy({}, { get: (_, name) => load()[name], has: (_, name) => name in load() });
module.exports = Object.defineProperty(Object.create(lazy), '__esModule', { value: true });`,
    }));
  },
};

/** The sidecar files: each package as one CommonJS file, its default export (papaparse) and names as they are. */
async function buildSidecars(build, outdir) {
  await build({
    entryPoints: Object.fromEntries(SIDECAR_PACKAGES.map((name) => [`sidecar-${name}`, `sidecar:${name}`])),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outdir, outExtension: { '.js': '.cjs' },
    minifyWhitespace: true, minifySyntax: true, charset: 'ascii', logLevel: 'error', legalComments: 'none',
    plugins: [{
      name: 'sidecar-entries',
      setup(b) {
        b.onResolve({ filter: /^sidecar:/ }, (args) => ({ path: args.path.slice('sidecar:'.length), namespace: 'sidecar-entry' }));
        b.onLoad({ filter: /.*/, namespace: 'sidecar-entry' }, (args) => ({
          loader: 'js', resolveDir: ROOT,
          contents: args.path === 'papaparse' ? `export { default } from 'papaparse';` : `export * from '${args.path}';`,
        }));
      },
    }],
  });
}

/** Builds older than this are removed by the next build (a process started from one may still load its chunks). */
const KEEP_OLD_MS = 60 * 60 * 1000;

/** One bundle per command (cli/entries/), loaded by cli/bin.mjs from the command's name, and `main` with every command for the rest (help, usage errors). */
export const ENTRIES = ['main', 'validate', 'run', 'compare'];

/**
 * The sources a bundle was built from that a developer edits. Packages' files
 * are left out: they keep their tarballs' old times, so an install is seen by
 * npm's lockfiles (in `setup`) instead, and statting each costs every start.
 */
const isSource = (path) => !path.split('/').includes('node_modules');

/** Every input imported from `entry`, types only too (the output's own list leaves out what tree shaking dropped, and an edit can bring it back). */
function reachable(metafile, entry) {
  const seen = new Set([entry]);
  for (const path of seen) {
    for (const { path: imported, external } of metafile.inputs[path]?.imports ?? []) if (external !== true && !imported.startsWith('sidecar:')) seen.add(imported);
  }
  return [...seen];
}

/** Builds the bundles into a fresh directory and makes them current; returns their manifest. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const id = `${startedAt.toString(36)}-${process.pid}`;
  const outdir = join(CACHE, id);
  const result = await build({
    entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, join(ROOT, 'cli', name === 'main' ? 'main.ts' : `entries/${name}.ts`)])),
    bundle: true, platform: 'node', target: 'node20',
    // CommonJS files, loaded by cli/bin.mjs through vm.Script with V8's code cache: a start
    // then skips most parsing and compiling. Modules behind a dynamic import() (each command
    // in main, the live runner, file formats) are still evaluated only when imported.
    format: 'cjs', outdir, outExtension: { '.js': '.cjs' },
    // The file is the function bin.cjs calls, CommonJS's wrapper included: the source is compiled
    // as read, with no copy of it concatenated into a wrapper at each start.
    banner: { js: '(function (exports, require, module, __filename, __dirname) {' }, footer: { js: '\n})' },
    // import('ws') becomes require('ws'): vm.Script has no module loader of its own.
    supported: { 'dynamic-import': false },
    plugins: [externalPackages, sidecars],
    // Without whitespace and comments: a third less to read at each start, and ASCII only (a comment's
    // one non-ASCII character made V8 hold the whole source as two-byte). Names stay, for stack traces.
    minifyWhitespace: true, minifySyntax: true, charset: 'ascii',
    metafile: true, logLevel: 'error', legalComments: 'none',
  });
  await buildSidecars(build, outdir);
  // A new build setup makes every bundle stale too.
  const setup = ['cli/build.mjs', 'package-lock.json', 'node_modules/.package-lock.json'].filter((path) => existsSync(join(ROOT, path)));
  const inputs = {};
  for (const [output, { entryPoint }] of Object.entries(result.metafile.outputs)) {
    if (entryPoint === undefined) continue;
    inputs[basename(output, '.cjs')] = reachable(result.metafile, entryPoint).map((path) => relative(ROOT, resolve(ROOT, path))).filter(isSource);
  }
  const manifest = { dir: id, startedAt, setup, inputs };
  // Written whole then renamed: a CLI starting meanwhile reads the old manifest or the new one, never half of one.
  const temporary = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, MANIFEST);
  for (const entry of readdirSync(CACHE, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === id) continue;
    const path = join(CACHE, entry.name);
    if (startedAt - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
  }
  return manifest;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(CACHE, { recursive: true });
  await buildCli();
}
