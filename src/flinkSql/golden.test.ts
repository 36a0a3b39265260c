import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptErrors } from './exportTesting';
import { GOLDEN_CASES } from './golden/cases';
import { exportFlinkSql } from './index';

const DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

describe('golden scripts, one per mapping rule', () => {
  it('names every case once', () => {
    expect(new Set(GOLDEN_CASES.map((c) => c.name)).size).toBe(GOLDEN_CASES.length);
  });

  it.each(GOLDEN_CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const result = exportFlinkSql(c.document, c.options);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const file = join(DIR, `${name}.sql`);
    if (UPDATE || !existsSync(file)) writeFileSync(file, result.script);
    expect(result.script).toBe(readFileSync(file, 'utf8'));
    expect(scriptErrors(result.script)).toEqual([]);
  });
});
