import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const modelDir = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1] ?? '');
}

describe('src/model boundaries', () => {
  it('imports only zod and its own files, so every layer can use it', () => {
    for (const file of sourceFiles(modelDir)) {
      for (const specifier of importsOf(file)) {
        expect(specifier === 'zod' || specifier.startsWith('./') || specifier.startsWith('../'), `${file}: ${specifier}`).toBe(true);
        expect(specifier, `${file} reaches outside src/model`).not.toMatch(/^\.\.\/\.\./);
        expect(specifier, `${file} imports the engine`).not.toMatch(/engine/);
      }
    }
  });

  it('uses no default export and no export *', () => {
    for (const file of sourceFiles(modelDir)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/^export default|^export \*/m);
    }
  });
});
