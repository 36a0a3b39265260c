// Builds the CLI into one ESM bundle (and lazily loaded chunks) with esbuild, so a start does not
// compile TypeScript. `node cli/build.mjs` builds it; cli/bin.mjs builds it first when it is stale.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

/** Builds older than this are removed by the next build (a process started from one may still load its chunks). */
const KEEP_OLD_MS = 60 * 60 * 1000;

/** Builds the bundle into a fresh directory and makes it current; returns its manifest. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const id = `${startedAt.toString(36)}-${process.pid}`;
  const outdir = join(CACHE, id);
  const result = await build({
    entryPoints: { main: join(ROOT, 'cli', 'main.ts') },
    bundle: true, platform: 'node', format: 'esm', target: 'node20',
    plugins: [externalPackages],
    // A bundled CommonJS package's require() of an external one needs a require in ESM.
    banner: { js: "import { createRequire as __windowpaneRequire } from 'node:module'; const require = __windowpaneRequire(import.meta.url);" },
    // Chunks for dynamic imports: what one command does not need (live sources, Parquet, runs) is not loaded.
    splitting: true, outdir, outExtension: { '.js': '.mjs' }, chunkNames: 'chunk-[hash]',
    metafile: true, logLevel: 'error', legalComments: 'none',
  });
  const inputs = Object.keys(result.metafile.inputs).map((path) => relative(ROOT, resolve(ROOT, path)));
  const manifest = { dir: id, startedAt, inputs };
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
