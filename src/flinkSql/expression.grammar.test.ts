/**
 * Every translation is Flink SQL to dt-sql-parser's FlinkSQL grammar, and
 * its minimal parentheses group exactly as the fully parenthesised
 * translation does (the same parse tree once parentheses are dropped), so
 * no operator is regrouped by SQL's precedence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../engine/expr';
import { expressionCase } from '../fuzz/gen/expressions';
import { translateWith } from './expression';
import { conditionErrors, expressionErrors, expressionShape, forGrammar, rawExpressionErrors } from './testing/flinkGrammar';
import { TEST_FIELDS, typedExpressions } from './testing/typedExpressions';
import type { Field } from '../engine/batch';

function both(source: string, fields: readonly Field[]): { minimal: string; full: string } {
  const minimal = translateWith(source, fields, 'minimal');
  const full = translateWith(source, fields, 'all');
  if (!minimal.ok || !full.ok) throw new Error(`${source} did not translate: ${JSON.stringify([minimal, full])}`);
  return { minimal: minimal.sql, full: full.sql };
}

function checkGrammarAndShape(source: string, fields: readonly Field[]): void {
  const { minimal, full } = both(source, fields);
  expect(expressionErrors(minimal), `${source} -> ${minimal}`).toEqual([]);
  expect(expressionShape(minimal), `${source} -> ${minimal} vs ${full}`).toBe(expressionShape(full));
}

const typed = typedExpressions({ guarded: false, monotone: false });
const anyTyped = fc.oneof(typed.number, typed.string, typed.boolean);

describe('translated expressions against the Flink SQL grammar', () => {
  it('accepts every random well-typed expression, grouped as ours groups it', () => {
    fc.assert(
      fc.property(anyTyped, (source) => {
        fc.pre(compileExpression(source, TEST_FIELDS).ok);
        checkGrammarAndShape(source, TEST_FIELDS);
      }),
      // dt-sql-parser takes about half a second per expression here (three parses): 120 runs.
      { numRuns: 120, seed: 1616 },
    );
  }, 300_000);

  it("accepts the fuzz generator's expressions that compile (odd literals, hostile names)", () => {
    let compiled = 0;
    fc.assert(
      fc.property(expressionCase, ({ source, schema }) => {
        const result = compileExpression(source, schema);
        if (!result.ok) return;
        const minimal = translateWith(source, schema, 'minimal');
        // An infinite literal (1e400) is the one thing the translator refuses.
        if (!minimal.ok) {
          expect(minimal.reason).toMatch(/infinite/);
          return;
        }
        compiled++;
        checkGrammarAndShape(source, schema);
      }),
      { numRuns: 600, seed: 1617 },
    );
    expect(compiled).toBeGreaterThan(20);
  }, 300_000);

  it('accepts conditions where a filter puts them, and values where a map does', () => {
    for (const source of ['x > 1 && contains(s, "a")', 'b || round(x) == x', '!startsWith(s, u)', 'x + min(x, y) > 2 && b']) {
      const translated = both(source, TEST_FIELDS).minimal;
      expect(conditionErrors(translated), translated).toEqual([]);
      expect(expressionErrors(translated), translated).toEqual([]);
    }
    // Without the parentheses around the top-level operator, the grammar misreads a select list.
    expect(expressionErrors('`x` + LEAST(`x`, `y`)')).not.toEqual([]);
    expect(expressionErrors('(`x` + LEAST(`x`, `y`))')).toEqual([]);
  });

  it('the full parenthesisation really differs from the minimal one (the comparison above is not vacuous)', () => {
    const { minimal, full } = both('x + y * 2 > 1 && !b', TEST_FIELDS);
    expect(minimal).toBe('(`x` + `y` * 2 > 1 AND NOT `b`)');
    expect(full).toBe('(((`x` + (`y` * 2)) > 1) AND (NOT `b`))');
    // A wrong grouping would change the shape.
    expect(expressionShape('`x` + `y` * 2')).not.toBe(expressionShape('(`x` + `y`) * 2'));
  });
});

describe("the grammar check's stand-ins", () => {
  it('are still needed: dt-sql-parser rejects SQRT and CHAR_LENGTH as function names (Flink accepts both)', () => {
    expect(rawExpressionErrors('ABS(`x`)')).toEqual([]);
    for (const name of ['SQRT', 'CHAR_LENGTH']) {
      // When this fails, the grammar has learnt the name: drop its stand-in from GRAMMAR_STAND_INS.
      expect(rawExpressionErrors(`${name}(\`x\`)`)).not.toEqual([]);
      expect(forGrammar(`${name}(\`x\`)`)).toBe('ABS(`x`)');
      expect(expressionErrors(`${name}(\`x\`)`)).toEqual([]);
    }
  });

  it("are needed for a backslash too: the grammar reads it as an escape, Flink's literals have none", () => {
    expect(rawExpressionErrors("'\\'")).not.toEqual([]);
    expect(forGrammar("'a\\b' || `c\\d`")).toBe("'a\\\\b' || `c\\d`");
    expect(expressionErrors("'\\'")).toEqual([]);
  });

  it('leave quoted text alone', () => {
    expect(forGrammar("SQRT(`SQRT(`) || 'CHAR_LENGTH(' || CHAR_LENGTH(`s`)")).toBe("ABS(`SQRT(`) || 'CHAR_LENGTH(' || ABS(`s`)");
  });
});
