import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../model';
import { assemble } from './builder';
import { GOLDEN_CASES } from './golden/cases';
import { freshName, ident, stringLiteral } from './identifiers';
import { exportFlinkSql } from './index';
import { prepare, type Prepared } from './prepare';
import { translate } from './translate';

const caseOf = (name: string) => GOLDEN_CASES.find((c) => c.name === name)!;

describe('identifiers', () => {
  it('quotes every name with backticks, doubling one inside', () => {
    expect(ident('select')).toBe('`select`');
    expect(ident('a.b c')).toBe('`a.b c`');
    expect(ident('back`tick')).toBe('`back``tick`');
    expect(stringLiteral("it's")).toBe("'it''s'");
  });

  it('finds a fresh name whatever the case of the taken ones', () => {
    expect(freshName('rowtime', new Set(['ts']))).toBe('rowtime');
    expect(freshName('rowtime', new Set(['rowtime', 'rowtime_1']))).toBe('rowtime_2');
  });
});

describe('exportFlinkSql', () => {
  it('returns the problems of a document that does not validate, with their paths', () => {
    const result = exportFlinkSql({ format: 'windowpane.pipeline', version: 1, name: 'x', nodes: [{ id: 'w', kind: 'window.tumbling', params: { size: 'soon' } }], edges: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.path === 'nodes[0].params.size')).toBe(true);
    expect(exportFlinkSql('not a document').ok).toBe(false);
  });

  it('returns the problems of a document that does not compile (an unknown field)', () => {
    const document = structuredClone(caseOf('tumbling').document) as { nodes: { params: Record<string, unknown> }[] };
    document.nodes[2]!.params['aggregations'] = [{ name: 'x', fn: 'sum', field: 'nope' }];
    const result = exportFlinkSql(document);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('nodes[2].params.aggregations');
  });

  it('traces each statement to its nodes, in document order, with exact offsets', () => {
    const result = exportFlinkSql(caseOf('statement-set').document, caseOf('statement-set').options);
    if (!result.ok) throw new Error('export failed');
    for (const s of result.statements) expect(result.script.slice(s.from, s.to)).toBe(s.text);
    const view = result.statements.find((s) => s.kind === 'createView')!;
    expect(view.nodeIds).toEqual(['byDevice', 'w', 'stats']);
    expect(result.statements.filter((s) => s.kind === 'insert').map((s) => s.nodeIds)).toEqual([['chart'], ['table'], ['log']]);
    expect(result.statements.filter((s) => s.kind === 'statementSet').map((s) => s.text)).toEqual(['EXECUTE STATEMENT SET\nBEGIN', 'END;']);
    expect(result.statements.map((s) => s.kind).slice(0, 2)).toEqual(['comment', 'set']);
    expect(result.sinkColumns.get('chart')?.map((c) => c.name)).toEqual(['window_start', 'window_end', 'device', 'readings', 'avg_temperature', 'revision']);
  });

  it('takes a file source\'s fields from options.fileFields before params.fields', () => {
    const document = caseOf('file-without-fields').document;
    const before = exportFlinkSql(document);
    if (!before.ok) throw new Error('export failed');
    expect(before.gaps.map((g) => g.nodeId)).toEqual(['taxi', 'daily', 'sums', 'results']);
    const fileFields = new Map([['taxi', [{ name: 'timestamp', type: 'time' as const }, { name: 'value', type: 'number' as const }]]]);
    const after = exportFlinkSql(document, { fileFields });
    if (!after.ok) throw new Error('export failed');
    expect(after.gaps).toEqual([]);
    expect(after.script).toContain('`value` DOUBLE');
    expect(after.script).toContain("'format' = 'csv'");
    expect(after.sinkColumns.get('results')?.map((c) => c.name)).toEqual(['window_start', 'window_end', 'n', 'revision']);
  });

  it('names a node kind it does not know as a gap, and what depends on it, without throwing', () => {
    const original = prepare(caseOf('tumbling').document, {});
    if (!original.ok) throw new Error('invalid');
    const valid = { document: original.document };
    const nodes = valid.document.nodes.map((n) => (n.id === 'minute' ? { ...n, kind: 'detector.spike', params: {} } : n));
    const document = { ...valid.document, nodes } as unknown as PipelineDocument;
    const prepared: Prepared = { ...original, document };
    const { builder } = translate(prepared, {});
    expect(builder.gaps.filter((g) => g.severity === 'unmappable').map((g) => [g.nodeId, g.reason.slice(0, 40)])).toEqual([
      ['minute', "node kind 'detector.spike' has no Flink "],
      ['stats', "it depends on 'minute', which cannot be "],
      ['results', "it depends on 'minute', which cannot be "],
    ]);
    const { script } = assemble(builder.drafts);
    expect(script).toContain("NOT EXPRESSED: node 'minute': node kind 'detector.spike' has no Flink SQL mapping");
  });
});
