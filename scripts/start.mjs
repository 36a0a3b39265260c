#!/usr/bin/env node
// `npm start`: build the app if dist/ is missing or stale, then serve it, with the
// sample event server beside it (WINDOWPANE_SERVER_PORT, default 8787).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 5173);
// The sample server's port, announced to the app at /windowpane-config.json (scripts/runtimeConfig.ts)
// by the preview server below, which runs in this process and reads this variable.
process.env.WINDOWPANE_SERVER_PORT ??= '8787';

// Everything the bundle is made from; examples/ is bundled too.
const INPUTS = ['src', 'public', 'examples', 'index.html', 'vite.config.ts', 'package.json'];

/** The newest modification time under a file or folder, in ms (0 if it does not exist). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIsStale() {
  const builtAt = newestMtime(join(root, 'dist', 'index.html'));
  if (builtAt === 0) return true;
  return INPUTS.some((input) => newestMtime(join(root, input)) > builtAt);
}

if (buildIsStale()) {
  console.log('Building Windowpane (dist/ is missing or older than its sources)...');
  await build({ root, logLevel: 'warn' });
} else {
  console.log('dist/ is up to date; serving it.');
}

// A child process, so a crash of one side cannot take down the other; the app works
// without it (built-in sources only) and says "sample server offline".
let stopping = false;
const sampleServer = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
sampleServer.on('exit', (code, signal) => {
  if (!stopping && code !== 0) console.error(`The sample server stopped (${signal ?? `exit code ${code}`}); the app goes on without it.`);
});
process.on('exit', () => sampleServer.kill('SIGTERM'));

const server = await preview({ root, preview: { port, strictPort: true, open: false } });
console.log(`\nWindowpane is running at http://localhost:${port}/\n`);

function shutdown() {
  stopping = true;
  sampleServer.kill('SIGTERM');
  server.close().finally(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
