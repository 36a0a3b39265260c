import { describe, expect, it } from 'vitest';
import { examples, scriptErrors } from './exportTesting';
import { exportFlinkSql } from './index';

describe('every example exports to a script the Flink SQL grammar accepts', () => {
  it('has examples to check', () => {
    expect(examples().length).toBeGreaterThanOrEqual(9);
  });

  it.each(examples().map((e) => [e.name, e.document] as const))('%s', (_, document) => {
    const result = exportFlinkSql(document);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(scriptErrors(result.script)).toEqual([]);
    for (const s of result.statements) expect(result.script.slice(s.from, s.to)).toBe(s.text);
  });

  it('the grammar check can fail: it refuses a broken script and the SESSION table function', () => {
    expect(scriptErrors('CREATE TEMPORARY VIEW v AS SELECT FROM WHERE;')).not.toEqual([]);
    expect(scriptErrors('SELECT * FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(rowtime), INTERVAL \'5\' SECOND));')).not.toEqual([]);
  });
});
