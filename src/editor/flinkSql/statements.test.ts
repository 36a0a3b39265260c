import { describe, expect, it } from 'vitest';
import type { FlinkStatement } from '../../flinkSql/types';
import { changedSpan, sqlFileName, statementAt, statementsOfNodes } from './statements';

/** Statements joined by blank lines, with their offsets, as the exporter lays a script out. */
function script(parts: readonly { text: string; nodeIds: string[] }[]): { text: string; statements: FlinkStatement[] } {
  let text = '';
  const statements: FlinkStatement[] = [];
  for (const p of parts) {
    if (text !== '') text += '\n\n';
    statements.push({ kind: 'createView', text: p.text, from: text.length, to: text.length + p.text.length, nodeIds: p.nodeIds });
    text += p.text;
  }
  return { text, statements };
}

const { text, statements } = script([
  { text: "CREATE TABLE `src` (\n  `a` BIGINT\n) WITH ('connector' = 'datagen');", nodeIds: ['src'] },
  { text: 'CREATE VIEW `f` AS\nSELECT * FROM `src` WHERE `a` > 1;', nodeIds: ['f'] },
  { text: 'INSERT INTO `out` SELECT * FROM `f`;', nodeIds: ['out', 'f'] },
]);

describe('statementAt', () => {
  it('finds the statement holding every offset of its text, its end included', () => {
    statements.forEach((s, i) => {
      expect(text.slice(s.from, s.to)).toBe(s.text);
      for (let pos = s.from; pos <= s.to; pos++) expect(statementAt(statements, pos)).toBe(i);
    });
  });

  it('answers null between statements and past the end', () => {
    expect(statementAt(statements, statements[0]!.to + 1)).toBeNull();
    expect(statementAt(statements, text.length + 5)).toBeNull();
    expect(statementAt([], 0)).toBeNull();
  });
});

describe('statementsOfNodes', () => {
  it('lists, in script order, every statement that expresses one of the nodes', () => {
    expect(statementsOfNodes(statements, new Set(['f']))).toEqual([1, 2]);
    expect(statementsOfNodes(statements, new Set(['src', 'out']))).toEqual([0, 2]);
    expect(statementsOfNodes(statements, new Set(['nowhere']))).toEqual([]);
    expect(statementsOfNodes(statements, new Set())).toEqual([]);
  });
});

describe('sqlFileName', () => {
  it('names the script after the pipeline, made safe for a file name', () => {
    expect(sqlFileName('Card spend')).toBe('Card spend.sql');
    expect(sqlFileName('a/b\\c: "d"?')).toBe('a-b-c- -d-.sql');
    expect(sqlFileName('  ')).toBe('pipeline.sql');
  });
});

describe('changedSpan', () => {
  const apply = (before: string, span: { from: number; to: number; insert: string }) => before.slice(0, span.from) + span.insert + before.slice(span.to);

  it('is the one span between the common start and end', () => {
    expect(changedSpan("INTERVAL '1' MINUTE;", "INTERVAL '30' SECOND;")).toEqual({ from: 10, to: 19, insert: "30' SECOND" });
    expect(changedSpan('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' });
    expect(changedSpan('', 'new')).toEqual({ from: 0, to: 0, insert: 'new' });
    expect(changedSpan('old', '')).toEqual({ from: 0, to: 3, insert: '' });
  });

  it('turns the old text into the new, even where the common start and end would overlap', () => {
    const pairs: [string, string][] = [['aaa', 'aa'], ['aa', 'aaa'], ['abab', 'ab'], ['x;\\n\\ny;', 'x;\\n\\nz;\\n\\ny;'], ['SELECT 1', 'SELECT 12']];
    for (const [before, after] of pairs) expect(apply(before, changedSpan(before, after))).toBe(after);
  });
});
