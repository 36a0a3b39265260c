import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { parseExpression } from './parser';
import { caretColumn } from './testing';

/** The tree as a compact, fully parenthesized string: precedence made visible. */
function shape(expr: Expr): string {
  switch (expr.kind) {
    case 'literal':
      return JSON.stringify(expr.value);
    case 'field':
      return expr.name;
    case 'unary':
      return `(${expr.operator}${shape(expr.argument)})`;
    case 'binary':
      return `(${shape(expr.left)} ${expr.operator} ${shape(expr.right)})`;
    case 'conditional':
      return `(${shape(expr.test)} ? ${shape(expr.consequent)} : ${shape(expr.alternate)})`;
    case 'call':
      return `${expr.name}(${expr.args.map(shape).join(', ')})`;
  }
}

function parsed(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.ast;
}

describe('parseExpression', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b % c', '((a / b) % c)'],
    ['-a * b', '((-a) * b)'],
    ['a < b == c > d', '((a < b) == (c > d))'],
    ['a || b && c', '(a || (b && c))'],
    ['a && b || c', '((a && b) || c)'],
    ['!a && b', '((!a) && b)'],
    ['a > 1 ? b : c', '((a > 1) ? b : c)'],
    ['a ? b : c ? d : e', '(a ? b : (c ? d : e))'],
    ['a ? b ? c : d : e', '(a ? (b ? c : d) : e)'],
    ['x || y ? 1 : 2', '((x || y) ? 1 : 2)'],
    ['round(x / 3, 2) + 1', '(round((x / 3), 2) + 1)'],
    ['max(a, b, c)', 'max(a, b, c)'],
  ])('gives %s the usual precedence', (source, expected) => {
    expect(shape(parsed(source))).toBe(expected);
  });

  it('reads and, or and not as &&, || and !', () => {
    expect(shape(parsed('a and not b or c'))).toBe('((a && (!b)) || c)');
    // Words that merely start like an operator stay names.
    expect(shape(parsed('notes + order + android'))).toBe('((notes + order) + android)');
  });

  it.each([
    ['1.5', 1.5],
    ['.5', 0.5],
    ['2e3', 2000],
    ["'single'", 'single'],
    ['"dou\\"ble"', 'dou"ble'],
    ['"tab\\there"', 'tab\there'],
    ['true', true],
    ['false', false],
    ['null', null],
  ])('reads the literal %s', (source, value) => {
    expect(parsed(source)).toEqual({ kind: 'literal', value, start: 0, end: source.length });
  });

  it('reads a dotted path as one field name', () => {
    expect(parsed('payload.amount')).toMatchObject({ kind: 'field', name: 'payload.amount', start: 0, end: 14 });
    expect(parsed('tags.0')).toMatchObject({ kind: 'field', name: 'tags.0' });
    expect(parsed('payload.true')).toMatchObject({ kind: 'field', name: 'payload.true' });
  });

  it('records where each node starts and ends, parentheses excluded', () => {
    const ast = parsed('( temperature ) > 30 && lower(device) == "x"');
    expect(ast).toMatchObject({
      kind: 'binary',
      operator: '&&',
      operatorStart: 21,
      left: { kind: 'binary', operatorStart: 16, left: { start: 2, end: 13 }, right: { start: 18, end: 20 } },
      right: { kind: 'binary', operatorStart: 38, left: { kind: 'call', start: 24, end: 37, args: [{ start: 30, end: 36 }] } },
    });
    expect(parsed('-x')).toMatchObject({ kind: 'unary', start: 0, end: 2 });
    expect(parsed('not x')).toMatchObject({ kind: 'unary', start: 0, end: 5 });
  });

  it.each([
    ['a = 1', '  ^', "unexpected '=' (compare with '==')"],
    ['a === b', '  ^', "use '==' instead of '==='"],
    ['a & b', '  ^', "'&' is not supported"],
    ['a ?? b', '  ^', 'coalesce'],
    ['a ** 2', '  ^', "'**' is not supported"],
    ['1 +', '   ^', 'expected expression after +'],
    ['(a + b', '      ^', 'unclosed ('],
    ["x + 'abc", '    ^', 'no closing quote'],
    ['a b', '  ^', 'expected an operator'],
    ['a; b', '   ^', 'expected an operator'],
    ['a;', ' ^', "unexpected ';'"],
    ['', '^', 'empty'],
    ['f(a,)', '    ^', 'unexpected token )'],
    ['f(,a)', '  ^', 'unexpected token ,'],
    ['a ? b', '     ^', 'expected :'],
    ['3a', ' ^', 'names cannot start with a digit'],
    ['a.', '  ^', "after '.'"],
    ['()', '^', 'empty parentheses'],
    ['x > ', '    ^', 'expected expression'],
    ['+x', '^', "unary '+' is not supported"],
    ['a @ b', '  ^', 'unexpected'],
  ])('reports a syntax error in %j at the offending character', (source, caret, message) => {
    const result = parseExpression(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.column).toBe(caretColumn(caret));
    expect(result.error.message).toContain(message);
    expect(result.error.message.startsWith(`column ${result.error.column}: `)).toBe(true);
  });

  it.each([
    ['this', '^', "'this' is not supported"],
    ['new Date()', '^', "'new' is not supported"],
    ['a[0]', ' ^', 'brackets are not supported'],
    ["a['b']", ' ^', 'brackets are not supported'],
    ['[1, 2]', '^', 'lists'],
    ['f(x).y', '    ^', "'.' can only join"],
    ['f(x)(y)', '    ^', 'only functions can be called'],
    ['"abc".length', '     ^', "'.' can only join"],
    ['(a).b', '   ^', "'.' can only join"],
    ['a .b', '  ^', "'.' can only join"],
    ['/ab/.test(x)', '^', 'unexpected'],
  ])('refuses %j, which the language lacks', (source, caret, message) => {
    const result = parseExpression(source);
    expect(result).toMatchObject({ ok: false, error: { column: caretColumn(caret) } });
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});
