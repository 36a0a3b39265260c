import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCycles, findCycles } from './checkCycles.mjs';

const script = fileURLToPath(new URL('./checkCycles.mjs', import.meta.url));
const made: string[] = [];

/** A throwaway project: `files` maps paths under it to their text. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'windowpane-cycles-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('checkCycles', () => {
  it('finds a two-file cycle made only of type imports, and names its chain', async () => {
    const root = project({
      'src/a.ts': "import type { B } from './b';\nexport interface A { b: B }\n",
      'src/b.ts': "import type { A } from './a';\nexport interface B { a: A | null }\n",
    });
    const cycles = await findCycles(root, ['src']);
    expect(cycles).toEqual([['src/a.ts', 'src/b.ts', 'src/a.ts']]);
    expect(describeCycles(cycles)).toBe('  1) src/a.ts -> src/b.ts -> src/a.ts');
  });

  it('finds a cycle through a re-export and across folders', async () => {
    const root = project({
      'src/a.ts': "export { b } from '../cli/b';\nexport const a = 1;\n",
      'cli/b.ts': "import { a } from '../src/a';\nexport const b = a + 1;\n",
    });
    expect(await findCycles(root, ['src', 'cli'])).toHaveLength(1);
  });

  it('passes files that share a module instead of importing each other', async () => {
    const root = project({
      'src/shared.ts': 'export interface Shared { n: number }\n',
      'src/a.ts': "import type { Shared } from './shared';\nimport { b } from './b';\nexport const a = (s: Shared): number => s.n + b;\n",
      'src/b.ts': "import type { Shared } from './shared';\nexport const b = 2;\nexport type Also = Shared;\n",
    });
    expect(await findCycles(root, ['src'])).toEqual([]);
  });

  it('exits 1 and prints the chain when run on a project with a cycle, 0 without', () => {
    const run = (root: string) => spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    const cyclic = run(project({ 'e2e/x.ts': "import './y';\n", 'e2e/y.ts': "import './x';\n" }));
    expect(cyclic.stderr).toContain('1) e2e/x.ts -> e2e/y.ts -> e2e/x.ts');
    expect(cyclic.status).toBe(1);
    const acyclic = run(project({ 'e2e/x.ts': "import './y';\n", 'e2e/y.ts': 'export {};\n' }));
    expect(acyclic.stdout).toContain('no import cycles');
    expect(acyclic.status).toBe(0);
  });
});
