import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const engineDir = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the engine', () => {
  const files = sourceFiles(engineDir).filter((f) => !f.includes(`${join(engineDir, 'testing')}`));

  it('imports no DOM, React or editor code, and no Node built-ins, so it runs unchanged in a worker and in Node', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1]!;
        if (/^(react|react-dom|@xyflow|node:|fs$|path$)/.test(spec) || /\/(editor|app|worker|charts)\//.test(`${spec}/`)) offenders.push(`${relative(engineDir, file)} imports ${spec}`);
      }
      // Node kinds such as 'window.tumbling' are strings, not the global.
      if (/(?<!['"`.\w-])(document|window|localStorage)\.\w/.test(text)) offenders.push(`${relative(engineDir, file)} touches a DOM global`);
    }
    expect(offenders).toEqual([]);
  });

  it('never turns text into code', () => {
    const offenders = files.filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
