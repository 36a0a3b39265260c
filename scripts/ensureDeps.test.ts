import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installReason } from './ensureDeps.mjs';

describe('installReason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wp-deps-'));
  const lock = join(dir, 'package-lock.json');
  const installed = join(dir, 'installed.json');
  writeFileSync(lock, '{}');

  it('installs when node_modules was never installed', () => {
    expect(installReason(lock, join(dir, 'nothing-here.json'))).toBe('node_modules is missing');
  });

  it('installs when the lockfile changed after the last install, and not otherwise', () => {
    writeFileSync(installed, '{}');
    utimesSync(lock, new Date(2_000_000), new Date(2_000_000));
    utimesSync(installed, new Date(1_000_000), new Date(1_000_000));
    expect(installReason(lock, installed)).toBe('node_modules is older than package-lock.json');
    utimesSync(installed, new Date(3_000_000), new Date(3_000_000));
    expect(installReason(lock, installed)).toBeNull();
  });
});
