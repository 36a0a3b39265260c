/** Golden translations: one or more per operator and built-in function, the notes, and what cannot be expressed. */
import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '../engine/expr';
import { translateExpression } from './expression';
import { NOTES } from './expressionNotes';
import { ident, stringLiteral } from './identifiers';
import { TEST_FIELDS } from './testing/typedExpressions';

function sql(source: string): string {
  const result = translateExpression(source, TEST_FIELDS);
  if (!result.ok) throw new Error(`${source}: ${result.reason}`);
  return result.sql;
}

function notes(source: string): readonly string[] {
  const result = translateExpression(source, TEST_FIELDS);
  if (!result.ok) throw new Error(`${source}: ${result.reason}`);
  return result.notes;
}

describe('translateExpression: operators', () => {
  it.each([
    ['x + y', '(`x` + `y`)'],
    ['x - y', '(`x` - `y`)'],
    ['x * y', '(`x` * `y`)'],
    ['x / y', '(`x` / `y`)'],
    ['x == y', '(`x` = `y`)'],
    ['x != y', '(`x` <> `y`)'],
    ['x < y', '(`x` < `y`)'],
    ['x <= y', '(`x` <= `y`)'],
    ['x > y', '(`x` > `y`)'],
    ['x >= y', '(`x` >= `y`)'],
    ['b && x > 1', '(`b` AND `x` > 1)'],
    ['b and b', '(`b` AND `b`)'],
    ['b || x > 1', '(`b` OR `x` > 1)'],
    ['b or b', '(`b` OR `b`)'],
    ['!b', '(NOT `b`)'],
    ['not b', '(NOT `b`)'],
    ['-x', '(-`x`)'],
    ['b ? x : y', 'CASE WHEN `b` THEN `x` ELSE `y` END'],
    ['s + u', '(`s` || `u`)'],
    ['s == "a"', "(`s` = 'a')"],
    ['b == true', '(`b` = TRUE)'],
    ['b != false', '(`b` <> FALSE)'],
  ])('%s', (source, expected) => {
    expect(sql(source)).toBe(expected);
  });

  it('% is MOD for whole numbers divided by a whole non-zero literal, written out with the truncated quotient otherwise', () => {
    expect(sql('t % 1000')).toBe('CAST(MOD(`t`, 1000) AS DOUBLE)');
    expect(sql('x % 2')).toBe('(`x` - 2 * (SIGN(`x` / 2) * FLOOR(ABS(`x` / 2))))');
    // MOD by zero would fail the Flink job; ours gives a missing value.
    expect(sql('t % 0')).toBe('(CAST(`t` AS DOUBLE) - 0 * (SIGN(CAST(`t` AS DOUBLE) / 0) * FLOOR(ABS(CAST(`t` AS DOUBLE) / 0))))');
    expect(sql('(x + 1) % (y - 1)')).toBe('(`x` + 1 - (`y` - 1) * (SIGN((`x` + 1) / (`y` - 1)) * FLOOR(ABS((`x` + 1) / (`y` - 1)))))');
  });

  it('keeps arithmetic in DOUBLE where Flink would use integers or decimals', () => {
    expect(sql('7 / 2')).toBe('(7E0 / 2)');
    expect(sql('0.1 + 0.2')).toBe('(0.1E0 + 0.2)');
    expect(sql('t / 1000')).toBe('(CAST(`t` AS DOUBLE) / 1000)');
    expect(sql('100000 * 100000')).toBe('(100000E0 * 100000)');
    expect(sql('-7 / 2')).toBe('(CAST(-7 AS DOUBLE) / 2)');
    expect(sql('x / 2')).toBe('(`x` / 2)');
    // A time moved by whole milliseconds stays an exact BIGINT.
    expect(sql('t + 1000')).toBe('(`t` + 1000)');
    expect(sql('t - t')).toBe('(CAST(`t` AS DOUBLE) - `t`)');
  });

  it('gives the result the Flink type of our type: number DOUBLE, time BIGINT', () => {
    expect(sql('7')).toBe('7E0');
    expect(sql('0.5')).toBe('0.5E0');
    expect(sql('len(s)')).toBe('CAST(CHAR_LENGTH(`s`) AS DOUBLE)');
    expect(sql('t')).toBe('`t`');
    expect(sql('t + 0.5')).toBe('CAST(CAST(`t` AS DOUBLE) + 0.5 AS BIGINT)');
    expect(sql('b ? 1 : 2')).toBe('CAST(CASE WHEN `b` THEN 1 ELSE 2 END AS DOUBLE)');
  });
});

describe('translateExpression: precedence', () => {
  // An operator at the top is parenthesised (see expressionSql.ts: a quirk of the grammar check).
  it.each([
    ['x + y * 2', '(`x` + `y` * 2)'],
    ['(x + y) * 2', '((`x` + `y`) * 2)'],
    ['x - (y - 1)', '(`x` - (`y` - 1))'],
    ['x - y - 1', '(`x` - `y` - 1)'],
    ['x / (y * 2)', '(`x` / (`y` * 2))'],
    ['-(x + 1)', '(-(`x` + 1))'],
    ['- -x', '(-(-`x`))'],
    ['x - -y', '(`x` - -`y`)'],
    ['-x * y', '(-`x` * `y`)'],
    ['not (x > 1)', '(NOT (`x` > 1))'],
    ['!b == b', '((NOT `b`) = `b`)'],
    ['!(b == b)', '(NOT (`b` = `b`))'],
    ['!!b', '(NOT (NOT `b`))'],
    ['!(b && b)', '(NOT (`b` AND `b`))'],
    ['x > 1 && y < 2 || b', '(`x` > 1 AND `y` < 2 OR `b`)'],
    ['x > 1 && (y < 2 || b)', '(`x` > 1 AND (`y` < 2 OR `b`))'],
    ['b || b && b', '(`b` OR `b` AND `b`)'],
    ['(b || b) && b', '((`b` OR `b`) AND `b`)'],
    ['b && (b && b)', '(`b` AND (`b` AND `b`))'],
    // Ours reads `x == 1 == b` as `(x == 1) == b`; SQL would too, but comparisons are always parenthesised.
    ['x == 1 == b', '((`x` = 1) = `b`)'],
    ['b == x < 1', '(`b` = (`x` < 1))'],
    ['(x > 1) == (y > 2)', '((`x` > 1) = (`y` > 2))'],
    ['s + (s + s)', '(`s` || (`s` || `s`))'],
    ['s + s + s', '(`s` || `s` || `s`)'],
    ['(b ? x : y) + 1', '(CASE WHEN `b` THEN `x` ELSE `y` END + 1)'],
    ['b ? x + 1 : y * 2', 'CASE WHEN `b` THEN `x` + 1 ELSE `y` * 2 END'],
    ['contains(s, "a") == b', "((POSITION('a' IN `s`) > 0) = `b`)"],
  ])('%s', (source, expected) => {
    expect(sql(source)).toBe(expected);
  });
});

describe('translateExpression: literals and fields', () => {
  it('quotes strings with doubled quotes and fields with backticks', () => {
    expect(sql(`s == "it's"`)).toBe("(`s` = 'it''s')");
    expect(sql('a.b + select')).toBe('(`a.b` + `select`)');
    expect(ident('we`ird name')).toBe('`we``ird name`');
    expect(stringLiteral("''")).toBe("''''''");
  });

  it('types null by its context', () => {
    expect(sql('b ? null : s')).toBe('CASE WHEN `b` THEN CAST(NULL AS STRING) ELSE `s` END');
    expect(sql('coalesce(x, null, 1)')).toBe('COALESCE(`x`, CAST(NULL AS DOUBLE), 1)');
  });

  it('spells large and small numbers as Flink reads them', () => {
    expect(sql('x + 3000000000')).toBe('(`x` + 3000000000)');
    expect(sql('x + 1e21')).toBe('(`x` + 1E+21)');
    expect(sql('x + 1.5e-7')).toBe('(`x` + 1.5E-7)');
    expect(sql('x + 1e300 * 1e10')).toBe('(`x` + 1E+300 * 10000000000)');
  });
});

describe('translateExpression: functions', () => {
  it.each([
    ['abs(x)', 'ABS(`x`)'],
    ['floor(x)', 'FLOOR(`x`)'],
    ['ceil(x)', 'CEIL(`x`)'],
    ['sqrt(x)', 'SQRT(`x`)'],
    ['log(x)', 'LN(`x`)'],
    ['round(x)', 'ROUND(`x`, 0)'],
    ['round(x, 2)', 'ROUND(`x`, 2)'],
    ['round(x, -2)', 'ROUND(`x`, -2)'],
    ['round(x, y)', 'ROUND(`x`, CAST(`y` AS INT))'],
    ['min(x, y)', 'LEAST(`x`, `y`)'],
    ['max(x, y, 3)', 'GREATEST(`x`, `y`, 3)'],
    ['max(t, t + 1)', 'GREATEST(`t`, `t` + 1)'],
    ['lower(s)', 'LOWER(`s`)'],
    ['upper(s)', 'UPPER(`s`)'],
    ['len(s)', 'CAST(CHAR_LENGTH(`s`) AS DOUBLE)'],
    ['contains(s, "ab")', "(POSITION('ab' IN `s`) > 0)"],
    ['startsWith(s, u)', 'STARTSWITH(`s`, `u`)'],
    ['coalesce(s, u, "none")', "COALESCE(`s`, `u`, 'none')"],
    ['hour(t)', 'CAST(HOUR(TO_TIMESTAMP_LTZ(`t`, 3)) AS DOUBLE)'],
    ['log(hour(t))', 'LN(CAST(HOUR(TO_TIMESTAMP_LTZ(`t`, 3)) AS DOUBLE))'],
    ['minute(t)', 'CAST(MINUTE(TO_TIMESTAMP_LTZ(`t`, 3)) AS DOUBLE)'],
    ['hour(x)', 'CAST(HOUR(TO_TIMESTAMP_LTZ(CAST(`x` AS BIGINT), 3)) AS DOUBLE)'],
  ])('%s', (source, expected) => {
    expect(sql(source)).toBe(expected);
  });

  it('has a golden case above for every built-in function', () => {
    const covered = new Set(['abs', 'floor', 'ceil', 'sqrt', 'log', 'round', 'min', 'max', 'lower', 'upper', 'len', 'contains', 'startsWith', 'coalesce', 'hour', 'minute']);
    expect(FUNCTION_NAMES.filter((name) => !covered.has(name))).toEqual([]);
  });
});

describe('translateExpression: notes', () => {
  it('says where missing values differ when a comparison reads a field', () => {
    expect(notes('x > 1')).toContain(NOTES.missingComparison);
    expect(notes('contains(s, "a")')).toContain(NOTES.missingComparison);
    expect(notes('1 > 0')).not.toContain(NOTES.missingComparison);
    expect(notes('x + 1')).toEqual([]);
  });

  it('names each difference once, only where its construct is used', () => {
    expect(notes('b')).toEqual([NOTES.missingBoolean]);
    // Integer division is avoided by a DOUBLE operand, so it leaves no difference to note.
    expect(notes('7 / 2')).toEqual([]);
    expect(notes('t / 1000')).toEqual([]);
    expect(notes('x % y')).toEqual(expect.arrayContaining([NOTES.remainder, NOTES.nan]));
    // A non-zero literal divisor makes no NaN.
    expect(notes('x % 2')).toEqual([NOTES.remainder]);
    expect(notes('x / 2')).toEqual([]);
    expect(notes('x / 0')).toEqual([NOTES.nan]);
    expect(notes('t % 60')).not.toContain(NOTES.remainder);
    expect(notes('round(x) + round(y)').filter((n) => n === NOTES.round)).toHaveLength(1);
    expect(notes('s < u')).toContain(NOTES.stringOrder);
    expect(notes('s == u')).not.toContain(NOTES.stringOrder);
    expect(notes('upper(s)')).toContain(NOTES.caseMapping);
    expect(notes('hour(t)')).toContain(NOTES.clock);
    expect(notes('sqrt(x)')).toContain(NOTES.nan);
    expect(notes('t + 0.5')).toContain(NOTES.timeTruncated);
  });
});

describe('translateExpression: columns whose Flink type is not the default', () => {
  const counted = new Map([['x', 'BIGINT'], ['t', 'TIMESTAMP(3)'], ['s', 'STRING']]);

  it('divides a BIGINT number (a COUNT) as a DOUBLE', () => {
    const result = translateExpression('x / 2', TEST_FIELDS, counted);
    expect(result).toEqual({ ok: true, sql: '(CAST(`x` AS DOUBLE) / 2)', notes: [] });
    expect(translateExpression('x / 2', TEST_FIELDS)).toEqual({ ok: true, sql: '(`x` / 2)', notes: [] });
  });

  it('refuses a time that is a TIMESTAMP in Flink (a window bound), rather than write SQL Flink rejects', () => {
    const result = translateExpression('hour(t) + 1', TEST_FIELDS, counted);
    expect(result).toEqual({ ok: false, reason: "it reads 't', a time, which our expressions read as epoch milliseconds, but the field is TIMESTAMP(3) in Flink" });
    expect(translateExpression('s + "x"', TEST_FIELDS, counted).ok).toBe(true);
  });
});

describe('translateExpression: failures', () => {
  it('returns the compile error of an expression that does not compile', () => {
    const result = translateExpression('x +', TEST_FIELDS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^the expression does not compile: column/);
    const unknown = translateExpression('nope > 1', TEST_FIELDS);
    expect(!unknown.ok && unknown.reason).toMatch(/unknown field 'nope'/);
  });

  it('refuses an infinite literal, which Flink SQL cannot write', () => {
    const result = translateExpression('x + 1e400', TEST_FIELDS);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/infinite/) });
  });
});
