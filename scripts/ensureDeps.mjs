#!/usr/bin/env node
// The first step of `npm start` and `npm test`, so each works as the very first command on a
// fresh clone: when node_modules is missing, or older than package-lock.json, install the
// locked dependencies (`npm ci`) first. Node built-ins only: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lockfile = join(root, 'package-lock.json');
// npm writes this hidden lockfile at the end of every install: it tells when node_modules was made.
const installed = join(root, 'node_modules', '.package-lock.json');

/** Why the dependencies must be installed, or null when node_modules is current. */
export function installReason(lockPath = lockfile, installedPath = installed) {
  if (!existsSync(installedPath)) return 'node_modules is missing';
  if (existsSync(lockPath) && statSync(installedPath).mtimeMs < statSync(lockPath).mtimeMs) return 'node_modules is older than package-lock.json';
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = installReason();
  if (reason !== null) {
    console.log(`Installing the locked dependencies (${reason}): npm ci`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`npm ci failed (${result.error?.message ?? `exit code ${result.status}`}); run it yourself and look at its output.`);
      process.exit(result.status ?? 1);
    }
  }
}
